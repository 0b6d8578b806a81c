import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FontSet } from './fonts.js';

const FILES = {
  latin: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  latinBold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  japanese: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  chinese: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  korean: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
  arabic: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
} as const;

/**
 * Load the Noto fonts installed with @xlic/pdf (Node only): Noto Sans regular and bold, JP, SC, KR, Arabic.
 *
 * @example
 * import { loadDefaultFonts } from '@xlic/pdf/node';
 * const pdf = await renderLicensePdf({ license, jws, signers, fonts: await loadDefaultFonts() });
 */
let loaded: Promise<FontSet> | undefined;

export async function loadDefaultFonts(): Promise<FontSet> {
  // Read once per process: the same bytes objects let the renderer reuse parsed fonts.
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const entries = await Promise.all(Object.entries(FILES).map(async ([key, spec]) => [key, new Uint8Array(await readFile(require.resolve(spec)))] as const));
    return Object.fromEntries(entries) as unknown as FontSet;
  })();
  return loaded;
}

/**
 * Loose sound-alike keys for ASCII tokens, so that romanisation variants compare equal:
 * Mohammed/Muhammad/Mohamed, Sergey/Sergei, Tōkai/Toukai/Tohkai, Müller/Mueller, Qassem/Kassem.
 * They are evidence, not proof: a key match scores below an exact match (see similarity.ts).
 */

const VOWEL = /[aeiou]/;

function consonantRewrite(token: string): string {
  return token
    .replace(/dzh|dj|zh/g, 'j')
    .replace(/tsch|tch/g, 'ch')
    .replace(/sch/g, 'sh')
    .replace(/kh/g, 'h')
    .replace(/gh/g, 'g')
    .replace(/dh/g, 'd')
    .replace(/th/g, 't')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/v/g, 'f') // Petrov / Petroff, Wolkow / Volkov
    .replace(/n(?=[bpm])/g, 'm') // Hepburn: Shinbashi / Shimbashi
    .replace(/([aeiou])h(?=[^aeiouy]|$)/g, '$1'); // Tohkai, Ohno: a lengthening h
}

function collapseDoubles(s: string): string {
  return s.replace(/(.)\1+/g, '$1');
}

/**
 * Sound-alike key: consonants rewritten, doubles collapsed, every vowel run replaced by "a".
 * `y` is a vowel unless a vowel follows it (Sergey → sarga, but Kogyo → kagya).
 *
 * @example
 * phoneticKey('muhammad') === phoneticKey('mohammed') // both 'mahamad'
 */
export function phoneticKey(token: string): string {
  const s = collapseDoubles(consonantRewrite(token.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u')));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    const next = s[i + 1] ?? '';
    const vowel = VOWEL.test(c) || (c === 'y' && !VOWEL.test(next));
    if (vowel) {
      if (!out.endsWith('a') || out.length === 0) out += 'a';
    } else out += c;
  }
  return out;
}

/**
 * Consonant skeleton: the sound-alike key without vowels (y included, as Arabic writes long i with it)
 * (w is dropped before the rewrite, as Arabic writes long u with it) and without a final h (ta marbuta). Abjad scripts write no short vowels, so a transliterated Arabic
 * name (mhmd) can only be compared with a Latin one (Muhammad) this way.
 *
 * @example
 * consonantSkeleton('muhammad') === consonantSkeleton('mhmd') // 'mhmd'
 */
export function consonantSkeleton(token: string): string {
  const s = consonantRewrite(token.replace(/w/g, '')).replace(/[aeiouy]/g, '');
  return collapseDoubles(s).replace(/h$/, '');
}

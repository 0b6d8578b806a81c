export { renderLicensePdf, RENDERER_VERSION, PRODUCER, PAPER, XLIC_CATALOG_KEY, type RenderInput } from './render.js';
export type { SignerInfo } from './layout-license.js';
export type { FontSet } from './fonts.js';
export { LICENSE_FILE_COMPACT, LICENSE_FILE_JSON, MIME_JOSE, MIME_JOSE_JSON } from './attachments.js';
export { encodeBase45, decodeBase45 } from './base45.js';
export { encodeQrPayload, decodeQrPayload, assembleQrParts, decodeQrTexts, QR_PREFIX, QR_MAX_VERSION, type QrDecodeOptions } from './qr-payload.js';
export { extractEmbedded, type ExtractResult, type EmbeddedFile, type EmbeddedDeclaration } from './extract.js';
export { inspectLicensePdf, type LicensePdfInspection } from './inspect.js';
export { comparePdfRendering, type RenderingComparison, type RenderingDifference } from './compare.js';

import qrcode from 'qrcode/lib/core/qrcode.js';
import { XlicError } from '@xlic/core';
import { QR_MAX_VERSION } from './qr-payload.js';

/**
 * The module matrix of a QR code for `text` at error-correction level M (version chosen by size,
 * at most QR_MAX_VERSION, mask chosen by the standard penalty rules, so deterministic).
 * Rows top to bottom, 1 = dark.
 */
export function qrModules(text: string): Uint8Array[] {
  let symbol;
  try {
    symbol = qrcode.create(text, { errorCorrectionLevel: 'M' });
  } catch (e) {
    throw new XlicError('QR_TOO_LARGE', 'the QR text does not fit a QR code at level M', { cause: e });
  }
  if (symbol.version > QR_MAX_VERSION) throw new XlicError('QR_TOO_LARGE', `the QR text needs version ${symbol.version}, above the print-safe maximum ${QR_MAX_VERSION}`);
  const n = symbol.modules.size;
  const rows: Uint8Array[] = [];
  for (let r = 0; r < n; r++) {
    const row = new Uint8Array(n);
    for (let c = 0; c < n; c++) row[c] = symbol.modules.get(r, c) ? 1 : 0;
    rows.push(row);
  }
  return rows;
}

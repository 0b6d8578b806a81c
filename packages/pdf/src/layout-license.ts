import type { License, Party } from '@xlic/core';
import { hanContextForCountry, type HanContext } from './fonts.js';
import { BLACK, GREY, PageFlow, lineHeight, type Rgb } from './page-flow.js';
import { qrModules } from './qr-draw.js';
import type { TextStyle } from './text-layout.js';

/** A signer of the license as the caller established it from the JWS and its certificates. */
export interface SignerInfo {
  agency: { country: string; agencyId: string; name: string };
  /** Subject of the signer certificate, as a distinguished name string. */
  subject: string;
  /** SHA-256 (hex) of the signer certificate (DER). */
  thumbprint: string;
  role: 'issuer' | 'countersigner';
}

/** What the layout needs besides the license. */
export interface LayoutInput {
  license: License;
  signers: readonly SignerInfo[];
  /** Attached declarations: id, attachment file name and SHA-256 of the JWS payload. */
  declarations: ReadonlyArray<{ id: string; fileName: string; payloadSha256: string }>;
  licenseFileName: string;
  jwsSha256: string;
  qrTexts: readonly string[];
}

const MM = 72 / 25.4;
/** Side of the square a QR code occupies, quiet zone included: 62.5 mm, so version 25 has 0.5 mm modules. */
export const QR_CELL = 62.5 * MM;
/** Quiet zone around every QR code, in modules (ISO/IEC 18004 minimum). */
export const QR_QUIET_MODULES = 4;

const BAND: Record<License['licenseType'], { color: Rgb; label: string }> = {
  individual: { color: [0.13, 0.25, 0.45], label: 'EXPORT LICENSE · INDIVIDUAL' },
  global: { color: [0.13, 0.25, 0.45], label: 'EXPORT LICENSE · GLOBAL' },
  general: { color: [0.13, 0.25, 0.45], label: 'EXPORT LICENSE · GENERAL AUTHORIZATION' },
  'humanitarian-exemption': { color: [0.0, 0.47, 0.25], label: 'HUMANITARIAN EXEMPTION · EXPEDITED AUTHORIZATION' },
  'emergency-temporary': { color: [0.78, 0.2, 0.05], label: 'EMERGENCY TEMPORARY AUTHORIZATION' },
};

const WHITE: Rgb = [1, 1, 1];
const HEADING_FILL: Rgb = [0.9, 0.92, 0.95];
const LABEL_WIDTH = 118;
const BODY: TextStyle = { size: 9 };
const SMALL: TextStyle = { size: 7.5 };
const LABEL: TextStyle = { size: 8, bold: true };

/** Lay the license out on pages of the given flow (draw commands only; fonts are embedded later). */
export function layoutLicense(flow: PageFlow, input: LayoutInput): void {
  const { license } = input;
  const g = flow.geometry;
  const left = g.left;
  const width = flow.contentWidth;

  // Type band: humanitarian and emergency licenses are told apart by colour and words.
  const band = BAND[license.licenseType];
  flow.rect(left, flow.y - 22, width, 22, band.color);
  flow.drawLines(flow.text.layout(band.label, { size: 11, bold: true }, width - 16), left + 8, flow.y - 4, { size: 11, bold: true }, WHITE);
  flow.y -= 32;

  flow.paragraph(license.issuer.name, { size: 13, bold: true }, left, width);
  flow.paragraph(`Licensing authority · country ${license.issuer.country} · agency ${license.issuer.agencyId}`, BODY, left, width, GREY);
  flow.y -= 6;
  keyValue(flow, 'License number', license.id, { size: 15, bold: true });
  keyValue(flow, 'License type', license.licenseType);
  keyValue(flow, 'Issued', license.issuedAt);
  keyValue(flow, 'Valid from', license.validity.validFrom, { size: 9, bold: true });
  keyValue(flow, 'Valid until', license.validity.validUntil, { size: 9, bold: true });
  keyValue(flow, 'Destinations', license.destinations.join(', '));
  if (license.supersedes) keyValue(flow, 'Supersedes', `${license.supersedes.id}\nSHA-256 ${license.supersedes.sha256}`);

  if (license.exceptional) {
    const x = license.exceptional;
    heading(flow, license.licenseType === 'humanitarian-exemption' ? 'Humanitarian exemption: expedited decision' : 'Emergency temporary authorization: expedited decision', band.color);
    keyValue(flow, 'Justification', x.justification);
    keyValue(flow, 'Requested', x.requestedAt);
    keyValue(flow, 'Decision deadline', x.decisionDeadline);
    keyValue(flow, 'Review by', x.reviewDate);
  }

  heading(flow, 'Parties');
  partyBlock(flow, 'Exporter', license.exporter);
  partyBlock(flow, 'Consignee', license.consignee);
  license.endUsers.forEach((p, i) => partyBlock(flow, license.endUsers.length > 1 ? `End user ${i + 1} of ${license.endUsers.length}` : 'End user', p));
  const intermediates = license.intermediateConsignees ?? [];
  intermediates.forEach((p, i) => partyBlock(flow, `Intermediate consignee ${i + 1} of ${intermediates.length}`, p));
  if (intermediates.length === 0) keyValue(flow, 'Intermediate consignees', 'none');

  heading(flow, `Items (${license.items.length})`);
  itemsTable(flow, license);

  heading(flow, 'End use');
  keyValue(flow, 'Sector', license.endUse.sector);
  keyValue(flow, 'Stated end use', license.endUse.description);

  if (license.conditions && license.conditions.length > 0) {
    heading(flow, 'Conditions');
    for (const c of license.conditions) keyValue(flow, c.id, c.text);
  }

  const refs = license.endUseDeclarations ?? [];
  if (refs.length > 0 || input.declarations.length > 0) {
    heading(flow, 'End-use declarations');
    for (const r of refs) {
      const attached = input.declarations.find((d) => d.id === r.id);
      const status = !attached ? 'not attached to this PDF' : attached.payloadSha256 === r.sha256 ? `attached as ${attached.fileName}` : `attached as ${attached.fileName}, DIGEST DIFFERS: ${attached.payloadSha256}`;
      keyValue(flow, r.id, `SHA-256 ${r.sha256}\n${status}`);
    }
    for (const d of input.declarations) if (!refs.some((r) => r.id === d.id)) keyValue(flow, d.id, `attached as ${d.fileName}, not referenced by the license\nSHA-256 ${d.payloadSha256}`);
  }

  heading(flow, 'Signatures');
  if (input.signers.length === 0) keyValue(flow, 'Signers', 'none given');
  for (const s of input.signers) {
    const han = hanContextForCountry(s.agency.country);
    keyValue(flow, s.role === 'issuer' ? 'Issued and signed by' : 'Countersigned by', `${s.agency.name}\ncountry ${s.agency.country} · agency ${s.agency.agencyId}`, { size: 9, bold: true, han });
    keyValue(flow, 'Certificate subject', s.subject, { size: 8, han });
    keyValue(flow, 'Certificate SHA-256', s.thumbprint, SMALL);
  }

  heading(flow, 'Machine-readable signed original');
  flow.paragraph(
    `The signed license is attached to this PDF as ${input.licenseFileName} (SHA-256 ${input.jwsSha256}). ` +
      `The QR code${input.qrTexts.length > 1 ? 's' : ''} below carr${input.qrTexts.length > 1 ? 'y' : 'ies'} the same signed license ` +
      `(XL1 encoding${input.qrTexts.length > 1 ? `, ${input.qrTexts.length} parts, scan all` : ''}). Verify with xlic against the trust list; the printed text above is for reading only.`,
    SMALL,
    left,
    width,
    GREY,
  );
  flow.y -= 6;
  qrGrid(flow, input.qrTexts);
}

function heading(flow: PageFlow, title: string, color?: Rgb): void {
  const h = 16;
  // Keep a heading with at least a few lines (or a table header and its first rows) of its section.
  flow.ensure(h + 90);
  flow.y -= 6;
  flow.rect(flow.geometry.left, flow.y - h, flow.contentWidth, h, color ?? HEADING_FILL);
  flow.drawLines(flow.text.layout(title, { size: 10, bold: true }, flow.contentWidth - 12), flow.geometry.left + 6, flow.y - 2, { size: 10, bold: true }, color ? WHITE : BLACK);
  flow.y -= h + 4;
}

function keyValue(flow: PageFlow, label: string, value: string, style: TextStyle = BODY): void {
  const left = flow.geometry.left;
  const valueWidth = flow.contentWidth - LABEL_WIDTH;
  const labelLines = flow.text.layout(label, LABEL, LABEL_WIDTH - 8);
  const valueLines = flow.text.layout(value, style, valueWidth);
  // Long values (a justification, a condition) may flow over pages: draw them line by line.
  const first = Math.max(lineHeight(LABEL.size) * labelLines.length, lineHeight(style.size));
  flow.ensure(first + 2);
  flow.drawLines(labelLines, left, flow.y, LABEL, GREY);
  const top = flow.y;
  let used = 0;
  for (const line of valueLines) {
    if (flow.y - used - lineHeight(style.size) < flow.geometry.bottom) {
      flow.y -= used;
      used = 0;
      flow.newPage();
    }
    flow.drawLines([line], left + LABEL_WIDTH, flow.y - used, style);
    used += lineHeight(style.size);
  }
  flow.y = Math.min(flow.y - used, top - lineHeight(LABEL.size) * labelLines.length) - 3;
}

function partyBlock(flow: PageFlow, role: string, party: Party): void {
  const han: HanContext = hanContextForCountry(party.country);
  const lines: Array<[string, TextStyle]> = [[party.legalName, { size: 9.5, bold: true, han }]];
  if (party.legalNameLatin) lines.push([party.legalNameLatin, { size: 9, han }]);
  for (const l of party.address.lines) lines.push([l, { size: 9, han }]);
  lines.push([[party.address.postalCode, party.address.city].filter(Boolean).join(' '), { size: 9, han }]);
  if (party.address.region) lines.push([party.address.region, { size: 9, han }]);
  lines.push([`Country ${party.country}`, { size: 9 }]);
  for (const id of party.identifiers ?? []) lines.push([`${id.scheme} ${id.value}${id.issuingCountry ? ` (${id.issuingCountry})` : ''}`, { size: 8 }]);

  const left = flow.geometry.left;
  const valueWidth = flow.contentWidth - LABEL_WIDTH;
  const laid = lines.map(([t, s]) => ({ lines: flow.text.layout(t, s, valueWidth), style: s }));
  const height = laid.reduce((h, l) => h + l.lines.length * lineHeight(l.style.size), 0);
  flow.ensure(Math.min(height, 200) + 4);
  flow.drawLines(flow.text.layout(role, LABEL, LABEL_WIDTH - 8), left, flow.y, LABEL, GREY);
  for (const l of laid) {
    for (const line of l.lines) {
      flow.ensure(lineHeight(l.style.size));
      flow.drawLines([line], left + LABEL_WIDTH, flow.y, l.style);
      flow.y -= lineHeight(l.style.size);
    }
  }
  flow.y -= 5;
}

interface Column {
  title: string;
  width: number;
  align: 'left' | 'right';
}

function itemsTable(flow: PageFlow, license: License): void {
  const w = flow.contentWidth;
  const fixed = [26, 104, 52, 78, 88];
  const cols: Column[] = [
    { title: 'Line', width: fixed[0]!, align: 'left' },
    { title: 'Description', width: w - fixed.reduce((a, b) => a + b, 0), align: 'left' },
    { title: 'Classification', width: fixed[1]!, align: 'left' },
    { title: 'HS code', width: fixed[2]!, align: 'left' },
    { title: 'Quantity', width: fixed[3]!, align: 'right' },
    { title: 'Value', width: fixed[4]!, align: 'right' },
  ];
  const cell: TextStyle = { size: 8 };
  const head: TextStyle = { size: 8, bold: true };
  const pad = 3;
  const drawHeader = (f: PageFlow): void => {
    const h = lineHeight(head.size) + 2 * pad;
    f.rect(f.geometry.left, f.y - h, w, h, HEADING_FILL);
    let x = f.geometry.left;
    for (const c of cols) {
      f.drawLines(f.text.layout(c.title, head, c.width - 2 * pad), x + pad, f.y - pad, head, BLACK, c.align, c.width - 2 * pad);
      x += c.width;
    }
    f.y -= h;
  };
  flow.ensure(60);
  drawHeader(flow);
  flow.onPageBreak((f) => {
    f.paragraph(`Items of license ${license.id} (continued)`, { size: 8, bold: true }, f.geometry.left, w, GREY);
    f.y -= 2;
    drawHeader(f);
  });
  const totals = new Map<string, number>();
  for (const item of license.items) {
    totals.set(item.value.currency, (totals.get(item.value.currency) ?? 0) + item.value.amount);
    const texts = [
      String(item.line),
      item.description,
      item.classifications.map((c) => `${c.regime} ${c.code}${c.list ? ` (${c.list})` : ''}`).join('\n'),
      item.hsCode,
      `${formatNumber(item.quantity.value)} ${item.quantity.unit}`,
      `${formatMoney(item.value.amount)} ${item.value.currency}`,
    ];
    row(flow, cols, texts, cell, pad);
  }
  const total = [...totals].map(([cur, amount]) => `${formatMoney(Math.round(amount * 100) / 100)} ${cur}`).join('\n');
  row(flow, cols, ['', 'Total value', '', '', '', total], { size: 8, bold: true }, pad);
  flow.onPageBreak(undefined);
}

function row(flow: PageFlow, cols: Column[], texts: string[], style: TextStyle, pad: number): void {
  const laid = cols.map((c, i) => flow.text.layout(texts[i]!, style, c.width - 2 * pad));
  const h = Math.max(...laid.map((l) => l.length)) * lineHeight(style.size) + 2 * pad;
  flow.ensure(h);
  let x = flow.geometry.left;
  cols.forEach((c, i) => {
    flow.drawLines(laid[i]!, x + pad, flow.y - pad, style, BLACK, c.align, c.width - 2 * pad);
    x += c.width;
  });
  flow.y -= h;
  flow.rule(flow.geometry.left, flow.y, flow.geometry.left + flow.contentWidth);
}

function qrGrid(flow: PageFlow, texts: readonly string[]): void {
  const gap = 14;
  const caption = 12;
  const perRow = Math.max(1, Math.floor((flow.contentWidth + gap) / (QR_CELL + gap)));
  for (let i = 0; i < texts.length; i += perRow) {
    flow.ensure(QR_CELL + caption);
    for (let j = 0; j < perRow && i + j < texts.length; j++) {
      const text = texts[i + j]!;
      const dark = qrModules(text);
      const module = QR_CELL / (dark.length + 2 * QR_QUIET_MODULES);
      const x = flow.geometry.left + j * (QR_CELL + gap);
      const bottom = flow.y - QR_CELL;
      flow.page.push({ kind: 'qr', x: x + QR_QUIET_MODULES * module, y: bottom + QR_QUIET_MODULES * module, module, size: dark.length, dark });
      const label = texts.length > 1 ? `XL1 part ${i + j + 1} of ${texts.length}` : 'XL1 signed license';
      flow.drawLines(flow.text.layout(label, SMALL, QR_CELL), x + QR_QUIET_MODULES * module, bottom, SMALL, GREY);
    }
    flow.y -= QR_CELL + caption;
  }
}

/** Numbers as JSON writes them (exact, locale-free). */
function formatNumber(n: number): string {
  return String(n);
}

/** Money with two decimals when that is exact, otherwise as JSON writes it. */
function formatMoney(n: number): string {
  return Math.round(n * 100) / 100 === n ? n.toFixed(2) : String(n);
}

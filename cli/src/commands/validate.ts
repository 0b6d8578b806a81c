import { isXlicError, validateBytes, type Finding } from '@xlic/core';
import { EXIT, exitStatusFor, worstStatus } from '../exit-status.js';
import { readInput } from '../io/read-input.js';
import { styleFor } from '../output/style.js';
import { summarize } from '../output/summary.js';
import { out, outJson } from '../output/write.js';

export interface ValidateOptions {
  json?: boolean;
  quiet?: boolean;
}

interface FileResult {
  file: string;
  status: 'valid' | 'invalid' | 'error';
  kind?: string;
  summary?: string;
  findings: Finding[];
}

/** `xlic validate <file…>`: schema and semantic validation of each input. */
export async function validateCommand(files: string[], options: ValidateOptions): Promise<number> {
  const results: FileResult[] = [];
  for (const file of files) results.push(await validateOne(file));
  const status = worstStatus(results.map((r) => (r.status === 'valid' ? EXIT.OK : r.status === 'invalid' ? EXIT.INVALID : exitStatusFor(r.findings[0]!.code))));
  const counts = { valid: 0, invalid: 0, error: 0 };
  for (const r of results) counts[r.status]++;
  if (options.json) {
    outJson({ results, counts });
    return status;
  }
  const s = styleFor(process.stdout);
  for (const r of results) {
    const head = r.status === 'valid' ? s.ok('VALID  ') : r.status === 'invalid' ? s.bad('INVALID') : s.bad('ERROR  ');
    out(`${head} ${r.file}${r.kind && r.status !== 'valid' ? s.dim(` (${r.kind})`) : ''}`);
    if (r.summary && !options.quiet) out(`        ${r.summary}`);
    for (const f of r.findings) out(`        ${f.severity === 'warning' ? s.warn('warning') : s.bad('✗')} ${f.message}  ${s.dim(`[${f.code}]`)}`);
  }
  if (results.length > 1) out(s.bold(`${results.length} files: ${counts.valid} valid, ${counts.invalid} invalid${counts.error ? `, ${counts.error} not readable as documents` : ''}`));
  return status;
}

async function validateOne(file: string): Promise<FileResult> {
  try {
    const input = await readInput(file);
    const r = validateBytes(input.bytes);
    return r.valid && r.document
      ? { file: input.name, status: 'valid', kind: r.kind, summary: summarize(r.kind, r.document), findings: r.findings }
      : { file: input.name, status: 'invalid', kind: r.kind, findings: r.findings };
  } catch (e) {
    if (!isXlicError(e)) throw e;
    return { file: file === '-' ? '(stdin)' : file, status: 'error', findings: [{ path: e.path ?? '', code: e.code, message: e.message, severity: 'error' }] };
  }
}

/** Print a line to standard output. */
export function out(line = ''): void {
  process.stdout.write(line + '\n');
}

/** Print a line to standard error. */
export function err(line: string): void {
  process.stderr.write(line + '\n');
}

/** Print a value as pretty JSON to standard output. */
export function outJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

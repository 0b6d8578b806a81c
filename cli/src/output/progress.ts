/** A one-line progress bar on standard error, only when both output streams are a terminal. */
export class Progress {
  private readonly on: boolean;
  private last = 0;

  constructor(private readonly total: number) {
    this.on = total > 1 && Boolean(process.stderr.isTTY) && Boolean(process.stdout.isTTY);
  }

  update(done: number, invalid: number): void {
    if (!this.on) return;
    const now = Date.now();
    if (now - this.last < 100 && done < this.total) return;
    this.last = now;
    const width = 30;
    const filled = Math.round((done / this.total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${this.total}  ${invalid} invalid `);
  }

  /** Erase the bar before other output, or at the end. */
  clear(): void {
    if (this.on) process.stderr.write('\r\u001b[2K');
  }
}

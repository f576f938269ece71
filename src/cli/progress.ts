/** A one-line progress counter on a terminal; silent when stderr is a file or a pipe. */
export class Progress {
  private readonly started = Date.now();
  private last = 0;
  private shown = false;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  tick(done: number): void {
    if (!this.stream.isTTY) return;
    const now = Date.now();
    if (now - this.last < 100) return; // redraw at most ten times a second
    this.last = now;
    const rate = done / Math.max(0.001, (now - this.started) / 1000);
    const bar = '█'.repeat(Math.min(20, Math.floor(done / 10) % 21)).padEnd(20, '░');
    this.stream.write(`\r${bar} ${done} documents, ${rate.toFixed(1)}/s`);
    this.shown = true;
  }

  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}

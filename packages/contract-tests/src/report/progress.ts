/**
 * A one-line progress bar on stderr. Only drawn when stderr is a TTY and the run is long enough to
 * need one, so logs and pipes never see carriage returns.
 */

/** Runs with fewer items than this finish too fast to need a bar. */
export const PROGRESS_MIN_ITEMS = 50;

/** Minimal writable the bar draws on (process.stderr in the CLI, a fake TTY in tests). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): boolean;
}

/** A progress bar that redraws at most every 100 ms. */
export class ProgressBar {
  private last = 0;
  private drawn = false;
  readonly enabled: boolean;

  constructor(private readonly stream: ProgressStream, private readonly total: number, private label: string) {
    this.enabled = stream.isTTY === true && total >= PROGRESS_MIN_ITEMS;
  }

  /** Sets the phase shown before the bar (`reading`, `validating`). */
  phase(label: string): void {
    this.label = label;
  }

  /** Reports `done` of `total`; draws when due (always on the last item). */
  update(done: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (done < this.total && now - this.last < 100) return;
    this.last = now;
    const width = Math.max(10, Math.min(40, (this.stream.columns ?? 80) - 40));
    const filled = Math.round((done / this.total) * width);
    const pct = Math.floor((done / this.total) * 100);
    this.stream.write(`\r${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${this.total} ${pct}%`);
    this.drawn = true;
  }

  /** Clears the line so the report starts on a clean one. */
  done(): void {
    if (this.enabled && this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }
}

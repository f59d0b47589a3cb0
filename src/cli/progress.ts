/**
 * Progress for long runs: a bar redrawn in place on a terminal, plain lines at most every
 * few seconds otherwise (CI logs, pipes), so a long run shows life without flooding.
 */
export function progressPrinter<T>(
  describe: (progress: T) => string,
  fraction: (progress: T) => number,
  stream: NodeJS.WriteStream = process.stderr,
  intervalMs = 2000,
) {
  let lastPrinted = 0;
  let drawn = false;
  return {
    update(progress: T): void {
      const now = Date.now();
      if (stream.isTTY) {
        const width = 24;
        const filled = Math.round(fraction(progress) * width);
        const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${describe(progress)}`;
        stream.write(`\r${line.slice(0, (stream.columns || 100) - 1).padEnd((stream.columns || 100) - 1)}`);
        drawn = true;
      } else if (now - lastPrinted >= intervalMs) {
        stream.write(`${describe(progress)}\n`);
        lastPrinted = now;
      }
    },
    done(): void {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}

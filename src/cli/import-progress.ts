import cliProgress from 'cli-progress';

/**
 * A progress bar for an import, drawn only when a person watches (stdout is a terminal): in a pipe, a log or a
 * test it would only add noise to the summary.
 */
export function importProgress(label: string): { onProgress(done: number, total: number): void; stop(): void } {
  if (!process.stdout.isTTY) return { onProgress() {}, stop() {} };
  const bar = new cliProgress.SingleBar({
    format: `${label} [{bar}] {value}/{total} rows`, stream: process.stdout, hideCursor: true, clearOnComplete: true,
  }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    onProgress(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else {
        bar.update(done);
      }
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

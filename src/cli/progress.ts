import cliProgress from 'cli-progress';

/** A progress bar on stderr, only on a TTY and only once reading takes more than a moment. */
export function startProgress(enabled: boolean): { update: (done: number, total: number) => void; stop: () => void } {
  if (!enabled || !process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const started = Date.now();
  let bar: cliProgress.SingleBar | null = null;
  return {
    update(done, total) {
      if (!bar && Date.now() - started > 1000 && done < total) {
        bar = new cliProgress.SingleBar({ stream: process.stderr, format: 'reading {bar} {value}/{total} inputs', hideCursor: true }, cliProgress.Presets.shades_classic);
        bar.start(total, done);
      }
      bar?.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}

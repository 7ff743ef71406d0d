// Progress: a bar with rate and ETA on a TTY (cli-progress), a plain line about once a second otherwise.
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

export function createProgress(mode: 'auto' | 'bar' | 'lines' | 'none', out: NodeJS.WriteStream = process.stderr): Progress {
  const m = mode === 'auto' ? (out.isTTY ? 'bar' : 'lines') : mode;
  if (m === 'none') return { update() {}, stop() {} };
  const started = Date.now();
  if (m === 'bar') {
    const bar = new cliProgress.SingleBar(
      {
        format: 'ingest |{bar}| {percentage}% {value}/{total} | {speed}/s | ETA {eta_formatted}',
        stream: out,
        hideCursor: true,
        etaBuffer: 200,
      },
      cliProgress.Presets.shades_classic,
    );
    let begun = false;
    return {
      update(done, total) {
        const speed = (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1);
        if (!begun) {
          bar.start(total, done, { speed });
          begun = true;
        } else {
          bar.setTotal(total);
          bar.update(done, { speed });
        }
      },
      stop() {
        if (begun) bar.stop();
      },
    };
  }
  let last = 0;
  let lastLine = '';
  const line = (done: number, total: number) => {
    const secs = Math.max(0.001, (Date.now() - started) / 1000);
    const rate = done / secs;
    const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
    return `ingest: ${done}/${total} ${rate.toFixed(1)}/s ETA ${eta}s\n`;
  };
  return {
    update(done, total) {
      if (Date.now() - last < 1000 && done < total) return;
      last = Date.now();
      lastLine = line(done, total);
      out.write(lastLine);
    },
    stop() {},
  };
}

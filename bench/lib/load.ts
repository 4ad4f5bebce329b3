/** autocannon as a separate process pinned to CPU 1; figures are the median of several runs. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pinned, ROOT } from './proc.js';

export interface LoadSpec {
  url: string;
  connections: number;
  seconds: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** `[<id>]` in the body is replaced by a fresh id per request. */
  body?: string;
  /** Instead of `body`: each request once, in order (autocannon `amount`). */
  paths?: string[];
  bodies?: string[];
}

export interface LoadFigures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export function runLoad(spec: LoadSpec): LoadFigures {
  // Long request lists do not fit in argv: the spec goes through a file.
  const file = join(mkdtempSync(join(tmpdir(), 'yl-cannon-')), 'spec.json');
  writeFileSync(file, JSON.stringify(spec));
  const args = [join(ROOT, 'bench/lib/cannon.mjs'), `@${file}`];
  const [cmd, full] = pinned('1', process.execPath, args);
  const res = spawnSync(cmd, full, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  rmSync(dirname(file), { recursive: true, force: true });
  if (res.status !== 0) throw new Error(`autocannon failed: ${res.error ?? res.stderr}`);
  const r = JSON.parse(res.stdout) as { requests: { average: number; total: number }; duration: number; latency: { p50: number; p99: number }; non2xx: number; errors: number; timeouts: number };
  // With a fixed list the run is shorter than a second: requests / duration is the rate.
  const rps = spec.paths ? Math.round(r.requests.total / r.duration) : r.requests.average;
  return { rps, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

export function medianOf(runs: LoadFigures[]): LoadFigures & { runs: number } {
  return {
    rps: Math.round(median(runs.map((r) => r.rps))),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    runs: runs.length,
  };
}

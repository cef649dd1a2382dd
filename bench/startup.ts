// Time from `npm start` to the first successful /api/health: first start (empty data folder:
// migrations + demo seed) and a later start (same folder). The baseline, measured in the same run, is a bare
// Node HTTP server answering its first request, so the ratios say what Civique adds on this machine.
// Usage: node bench/startup.ts [--runs 3]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arg, report } from './support.ts';

const runs = arg('runs', 3);
const root = new URL('..', import.meta.url).pathname;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function timeToFirstAnswer(
  command: string[],
  env: Record<string, string>,
  url: string,
): Promise<number> {
  const started = performance.now();
  const [bin = 'node', ...args] = command;
  // Its own process group, so that npm, the shell it starts and the server all stop together.
  const child = spawn(bin, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}`);
      try {
        const res = await fetch(url);
        if (res.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 20));
      if (performance.now() - started > 300_000) throw new Error('no answer within 300 s');
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await exited;
    await new Promise((r) => setTimeout(r, 300));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const baseline: number[] = [];
const first: number[] = [];
const later: number[] = [];
for (let i = 0; i < runs; i++) {
  const port = await freePort();
  baseline.push(
    await timeToFirstAnswer(
      [process.execPath, '-e', `require('node:http').createServer((q,s)=>s.end('ok')).listen(${port})`],
      {},
      `http://127.0.0.1:${port}/`,
    ),
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'civique-bench-'));
  const env = { DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
  const health = `http://127.0.0.1:${port}/api/health`;
  first.push(await timeToFirstAnswer(['npm', 'start'], env, health));
  later.push(await timeToFirstAnswer(['npm', 'start'], env, health));
  rmSync(dataDir, { recursive: true, force: true });
}
const b = median(baseline);
const row = (name: string, xs: number[]) =>
  `${name.padEnd(34)} median ${median(xs).toFixed(0).padStart(6)} ms   ×${(median(xs) / b).toFixed(1)} baseline   runs: ${xs.map((x) => x.toFixed(0)).join(', ')}`;
console.log(`startup to first /api/health (${runs} runs)`);
console.log(row('baseline: bare node http server', baseline));
console.log(row('first start (migrate + demo seed)', first));
console.log(row('later start', later));
const bare = { label: 'bare Node HTTP server, first answer', value: b };
report('startup', [
  { label: 'first start (migrate + demo seed), median', value: median(first), unit: 'ms', baseline: bare },
  { label: 'later start, median', value: median(later), unit: 'ms', baseline: bare },
]);

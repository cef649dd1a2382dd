#!/usr/bin/env node
// `npm run bench`: runs every benchmark one after the other — in smoke mode by default (small sizes, so that
// the whole set takes minutes and proves each benchmark still works), or at the issues' sizes with `--full`
// (hours) — and writes bench/results.md: each figure with its same-run baseline and the ratio between them.
// Absolute times on a shared machine are noise; the ratios are what to compare between runs.
// Usage: node bench/run-all.ts [--full] [--only roll,rush]   (DATABASE_URL=postgres://… runs on PostgreSQL)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Figure } from './support.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const FULL = process.argv.includes('--full');
const onlyAt = process.argv.indexOf('--only');
const ONLY = onlyAt > 0 ? (process.argv[onlyAt + 1] ?? '').split(',') : undefined;

/** Each benchmark, with the arguments of its smoke run (the full run uses the script's own defaults). */
const BENCHES: Array<{ name: string; script: string; smoke: string[] }> = [
  { name: 'startup', script: 'startup.ts', smoke: ['--runs', '1'] },
  { name: 'address', script: 'address-search.ts', smoke: ['--addresses', '5000', '--searches', '300'] },
  { name: 'requests', script: 'requests.ts', smoke: ['--requests', '2000', '--rounds', '30'] },
  {
    name: 'rush',
    script: 'rush.ts',
    smoke: ['--registrants', '300', '--places', '60', '--concurrency', '300'],
  },
  { name: 'darp', script: 'darp.ts', smoke: ['--time-limit', '1'] },
  { name: 'roll', script: 'roll.ts', smoke: ['--units', '5000', '--searches', '600'] },
  { name: 'email', script: 'email-delivery.ts', smoke: ['--count', '500', '--baseline', '100'] },
  {
    name: 'match',
    script: 'match.ts',
    smoke: ['--candidates', '1000', '--offers', '200', '--queries', '50'],
  },
  { name: 'ops', script: 'ops.ts', smoke: ['--readings', '50000'] },
  { name: 'callback', script: 'callback.ts', smoke: ['--runs', '20'] },
  {
    name: 'tracking',
    script: 'tracking.ts',
    smoke: ['--vehicles', '20', '--riders', '200', '--seconds', '10', '--interval', '5'],
  },
  { name: 'alert', script: 'alert.ts', smoke: ['--count', '500', '--baseline', '100'] },
];

type Recorded = Figure & { bench: string; load: number };

function run(
  script: string,
  args: string[],
  resultsFile: string,
): Promise<{ code: number; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(HERE, script), ...args], {
      env: { ...process.env, BENCH_RESULTS: resultsFile },
      stdio: 'inherit',
    });
    child.on('exit', (code) => resolve({ code: code ?? 1, seconds: (performance.now() - started) / 1000 }));
  });
}

const number = (v: number | undefined) =>
  v === undefined || Number.isNaN(v)
    ? '—'
    : Math.abs(v) >= 100
      ? v.toFixed(0)
      : Math.abs(v) >= 1
        ? v.toFixed(2)
        : v.toPrecision(3);

const work = mkdtempSync(join(tmpdir(), 'civique-bench-all-'));
const resultsFile = join(work, 'results.jsonl');
writeFileSync(resultsFile, '');
const outcomes: Array<{ name: string; code: number; seconds: number }> = [];
let figures: Recorded[] = [];
try {
  for (const bench of BENCHES.filter((b) => !ONLY || ONLY.includes(b.name))) {
    console.log(`\n=== bench ${bench.name} (${FULL ? 'full' : 'smoke'}) ===`);
    const outcome = await run(bench.script, FULL ? [] : bench.smoke, resultsFile);
    outcomes.push({ name: bench.name, ...outcome });
  }
  figures = readFileSync(resultsFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Recorded);

  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench${FULL ? ' -- --full' : ''}\` on ${new Date().toISOString()}: ${FULL ? 'the issues’ sizes' : 'smoke sizes (small; they prove each benchmark runs, the ratios are indicative)'}, ` +
      `${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, Node ${process.version}, ${cpus().length} cores, ` +
      `load average ${loadavg()[0]?.toFixed(1)} at the end. Each ratio divides the figure by a baseline measured ` +
      'in the same run on the same machine; absolute times on a shared machine are not comparable between runs.',
    '',
    '| Benchmark | Figure | Value | Baseline | Ratio | Target | Load |',
    '|---|---|---|---|---|---|---|',
    ...figures.map(
      (f) =>
        `| ${f.bench} | ${f.label} | ${number(f.value)} ${f.unit} | ${f.baseline ? `${number(f.baseline.value)} ${f.unit} (${f.baseline.label})` : '—'} | ${f.ratio === undefined ? '—' : `${number(f.ratio)}×`} | ${f.target ?? '—'} | ${f.load.toFixed(1)} |`,
    ),
    '',
    '| Benchmark | Exit | Seconds | Figures |',
    '|---|---|---|---|',
    ...outcomes.map(
      (o) =>
        `| ${o.name} | ${o.code === 0 ? 'ok' : `FAILED (${o.code})`} | ${o.seconds.toFixed(0)} | ${figures.filter((f) => f.bench === o.name).length} |`,
    ),
    '',
  ];
  writeFileSync(join(HERE, 'results.md'), lines.join('\n'));
  console.log(`\n${lines.join('\n')}`);
  console.log('written to bench/results.md');
} finally {
  rmSync(work, { recursive: true, force: true });
}
// A benchmark that exits without a figure failed too (it measured nothing).
const failed = outcomes.filter((o) => o.code !== 0 || !figures.some((f) => f.bench === o.name));
if (failed.length) console.log(`failed: ${failed.map((o) => o.name).join(', ')}`);
process.exit(failed.length ? 1 : 0);

// What every benchmark shares: its command-line numbers, percentiles, and the figures it reports. Each figure
// is printed by the benchmark itself; when `npm run bench` (bench/run-all.ts) runs it, the figures are also
// appended as JSON lines to the file named by BENCH_RESULTS, from which bench/results.md is written.
import { appendFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/** The number given as `--name <n>` on the command line, or the fallback. */
export function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** The p-th percentile (nearest rank) of some numbers. */
export function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** One reported number, with the same-run baseline it is compared with when there is one. */
export interface Figure {
  label: string;
  value: number;
  unit: string;
  /** The same-run baseline and how it was measured. */
  baseline?: { label: string; value: number };
  /** The figure divided by its baseline (when not simply value / baseline.value, say so in the label). */
  ratio?: number;
  /** The target, as a sentence ("≤ 25 ms on PostgreSQL"). */
  target?: string;
}

/** Records the figures of a benchmark for `npm run bench` (does nothing when run alone). */
export function report(bench: string, figures: Figure[]): void {
  const file = process.env.BENCH_RESULTS;
  if (!file) return;
  const load = loadavg()[0] ?? 0;
  for (const figure of figures) {
    const ratio = figure.ratio ?? (figure.baseline?.value ? figure.value / figure.baseline.value : undefined);
    appendFileSync(file, `${JSON.stringify({ bench, ...figure, ratio, load })}\n`);
  }
}

// Survey results: pure aggregation of stored answers, per question (no I/O).
import { type Answers, type BilingualText, type Question, scaleBounds } from './questions.ts';

/** One bar of a chart (and one row of its table). */
export interface ResultBucket {
  key: string;
  label: BilingualText;
  count: number;
  /** Share of those who answered the question, 0–100 with one decimal. */
  percent: number;
}

/** A question's results. */
export interface QuestionResult {
  key: string;
  type: Question['type'];
  label: BilingualText;
  /** How many answered it (hidden or skipped questions do not count). */
  answered: number;
  buckets: ResultBucket[];
  /** number and scale questions. */
  stats?: { mean: number; median: number; min: number; max: number };
  /** ranking: mean position of each option (1 is first), best first. */
  ranking?: Array<{ key: string; label: BilingualText; meanPosition: number }>;
  /** text questions: the answers themselves, for staff only (public results give the count). */
  texts?: string[];
}

const pct = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 1000) / 10);
const plain = (s: string): BilingualText => ({ fr: s, en: s });

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
  return {
    mean: Math.round(mean * 100) / 100,
    median,
    min: sorted[0] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
  };
}

function counted(keys: Array<{ key: string; label: BilingualText }>, values: string[], answered: number) {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return keys.map((k) => ({
    ...k,
    count: counts.get(k.key) ?? 0,
    percent: pct(counts.get(k.key) ?? 0, answered),
  }));
}

/** Aggregates every question's answers; `withTexts` adds free-text answers (staff view). */
export function aggregateResults(
  questions: readonly Question[],
  responses: readonly Answers[],
  options: { withTexts: boolean },
): QuestionResult[] {
  return questions.map((q) => {
    const values = responses.map((r) => r[q.key]).filter((v) => v !== undefined && v !== null);
    const base = { key: q.key, type: q.type, label: q.label, answered: values.length };
    const opts = (q.options ?? []).map((o) => ({ key: o.key, label: o.label }));
    switch (q.type) {
      case 'single':
        return { ...base, buckets: counted(opts, values as string[], values.length) };
      case 'multiple':
        return { ...base, buckets: counted(opts, (values as string[][]).flat(), values.length) };
      case 'ranking': {
        const sums = new Map<string, number>();
        for (const order of values as string[][]) {
          for (const [i, k] of order.entries()) sums.set(k, (sums.get(k) ?? 0) + i + 1);
        }
        const ranking = opts
          .map((o) => ({
            ...o,
            meanPosition: values.length
              ? Math.round(((sums.get(o.key) ?? 0) / values.length) * 100) / 100
              : 0,
          }))
          .sort((a, b) => a.meanPosition - b.meanPosition);
        const firsts = (values as string[][]).map((order) => order[0] ?? '');
        return { ...base, buckets: counted(opts, firsts, values.length), ranking };
      }
      case 'scale': {
        const { min, max } = scaleBounds(q);
        const steps = Array.from({ length: max - min + 1 }, (_, i) => {
          const v = String(min + i);
          const label =
            i === 0 && q.minLabel ? q.minLabel : v === String(max) && q.maxLabel ? q.maxLabel : null;
          return { key: v, label: label ? { fr: `${v} (${label.fr})`, en: `${v} (${label.en})` } : plain(v) };
        });
        const nums = values as number[];
        return {
          ...base,
          buckets: counted(steps, nums.map(String), nums.length),
          ...(nums.length ? { stats: stats(nums) } : {}),
        };
      }
      case 'number': {
        const nums = values as number[];
        return { ...base, buckets: [], ...(nums.length ? { stats: stats(nums) } : {}) };
      }
      case 'date': {
        // By month: a date question asks "when", and a month is what a chart can show.
        const months = [...new Set((values as string[]).map((d) => d.slice(0, 7)))].sort();
        return {
          ...base,
          buckets: counted(
            months.map((m) => ({ key: m, label: plain(m) })),
            (values as string[]).map((d) => d.slice(0, 7)),
            values.length,
          ),
        };
      }
      default:
        // Text: the answers themselves for staff only.
        return { ...base, buckets: [], ...(options.withTexts ? { texts: values as string[] } : {}) };
    }
  });
}

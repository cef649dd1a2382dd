// The import half of bench/roll.ts, in its own process so that its peak memory is the importer's alone:
// imports a roll file and prints one JSON line with the time, the peak resident memory (sampled every 25 ms)
// and the summary. Usage (from bench/roll.ts): node bench/roll-import-child.ts <file>
// with BENCH_ORG_ID and BENCH_DB_URL (PostgreSQL) or BENCH_PGLITE_DIR (PGlite on disk).
import { createReadStream, statSync } from 'node:fs';
import { importRoll } from '../src/modules/portal/roll/import-roll.ts';
import { openPglite, openPostgres } from '../src/platform/db/client.ts';

const file = process.argv[2] ?? '';
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 25);
const handle = process.env.BENCH_DB_URL
  ? openPostgres(process.env.BENCH_DB_URL, { max: 2 })
  : await openPglite({ dataDir: process.env.BENCH_PGLITE_DIR });
const atStart = process.memoryUsage().rss;
const started = performance.now();
const summary = await importRoll({
  db: handle.db,
  orgId: process.env.BENCH_ORG_ID ?? '',
  source: createReadStream(file, { highWaterMark: 256 * 1024 }),
  fileName: 'RL12072_2026.xml',
  bytesTotal: statSync(file).size,
});
const elapsed = performance.now() - started;
await handle.close();
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
process.stdout.write(
  `${JSON.stringify({ elapsed, peak, atStart, summary: { ...summary, rejections: undefined } })}\n`,
);

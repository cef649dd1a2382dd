#!/usr/bin/env node
// Lighthouse (mobile, simulated throttling: its defaults) on the public home page, the activity catalogue
// and the TaxiBus booking page of the demo server, in Debian's Chromium (never a downloaded browser).
// Targets: performance ≥ 90 and accessibility = 100. Each page is measured RUNS times and the median
// performance run is kept, because a shared CI machine makes single runs noisy. Prints the scores, and the
// audits that cost points when a page is under target; exits 1 then.
// `LIGHTHOUSE_BASE=http://localhost:3000 node scripts/lighthouse.ts` measures a server already running.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { CHROMIUM, freePort } from '../tests/e2e/support.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const PAGES = [
  { name: 'public home page', path: '/' },
  { name: 'activity catalogue (Joliette)', path: '/joliette/activities' },
  { name: 'TaxiBus booking (Victoriaville)', path: '/victoriaville/transit' },
];
const TARGET = { performance: 90, accessibility: 100 };

async function startDemoServer(): Promise<{ base: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'civique-lighthouse-'));
  let output = '';
  const server: ChildProcess = spawn(process.execPath, ['src/main.ts', 'serve', '--demo'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the demo server exited:\n${output.slice(-2000)}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { base, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error('the demo server did not answer within 600 s');
}

const score = (lhr: Result, category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);

/** The audits that cost points in a category, worst first, with their displayed value. */
function losses(lhr: Result, category: string): string[] {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  return refs
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(
      ({ ref, audit }) =>
        audit && audit.score !== null && audit.score < 1 && (ref.weight > 0 || category === 'performance'),
    )
    .sort((a, b) => b.ref.weight * (1 - (b.audit?.score ?? 0)) - a.ref.weight * (1 - (a.audit?.score ?? 0)))
    .slice(0, 8)
    .map(
      ({ audit }) => `${audit?.id}: ${audit?.title}${audit?.displayValue ? ` (${audit.displayValue})` : ''}`,
    );
}

const metric = (lhr: Result, id: string) => lhr.audits[id]?.displayValue ?? '?';

const external = process.env.LIGHTHOUSE_BASE;
const server = external ? { base: external, stop: async () => {} } : await startDemoServer();
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? CHROMIUM.executablePath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
});
let failed = false;
try {
  process.stdout.write(
    `Lighthouse ${RUNS} run(s) per page, mobile, simulated throttling, on ${server.base}\n`,
  );
  for (const page of PAGES) {
    const runs: Result[] = [];
    // A run Lighthouse itself could not record (e.g. NO_NAVSTART on a busy machine) is tried again, twice at most.
    for (let attempt = 0; runs.length < RUNS && attempt < RUNS + 2; attempt++) {
      const result = await lighthouse(`${server.base}${page.path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      const error = result ? result.lhr.runtimeError : { message: 'no result' };
      if (error) process.stdout.write(`  (${page.path}: run not recorded, ${error.message})\n`);
      else if (result) runs.push(result.lhr);
    }
    if (runs.length === 0) {
      failed = true;
      process.stdout.write(`✗ ${page.name} ${page.path}: Lighthouse recorded no run\n`);
      continue;
    }
    runs.sort((a, b) => score(a, 'performance') - score(b, 'performance'));
    const lhr = runs[Math.floor(runs.length / 2)] as Result;
    // The full report of the kept run, to read every audit (tmp/ is CI's scratch folder).
    mkdirSync(join(ROOT, 'tmp/lighthouse'), { recursive: true });
    const slug = page.path.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home';
    writeFileSync(join(ROOT, `tmp/lighthouse/${slug}.json`), JSON.stringify(lhr));
    const perf = score(lhr, 'performance');
    const a11y = Math.min(...runs.map((r) => score(r, 'accessibility')));
    const ok = perf >= TARGET.performance && a11y >= TARGET.accessibility;
    failed ||= !ok;
    process.stdout.write(
      `${ok ? '✓' : '✗'} ${page.name} ${page.path}: performance ${perf} (runs ${runs.map((r) => score(r, 'performance')).join(', ')}), accessibility ${a11y}` +
        ` — FCP ${metric(lhr, 'first-contentful-paint')}, LCP ${metric(lhr, 'largest-contentful-paint')}, TBT ${metric(lhr, 'total-blocking-time')}, CLS ${metric(lhr, 'cumulative-layout-shift')}, SI ${metric(lhr, 'speed-index')}\n`,
    );
    if (perf < TARGET.performance)
      for (const line of losses(lhr, 'performance')) process.stdout.write(`    performance: ${line}\n`);
    if (a11y < TARGET.accessibility) {
      const worst = runs.find((r) => score(r, 'accessibility') === a11y) as Result;
      for (const line of losses(worst, 'accessibility')) process.stdout.write(`    accessibility: ${line}\n`);
    }
  }
} finally {
  chrome.kill();
  await server.stop();
}
process.stdout.write(
  failed
    ? `lighthouse: FAILED (targets: performance ≥ ${TARGET.performance}, accessibility = ${TARGET.accessibility})\n`
    : 'lighthouse: every page meets its targets\n',
);
process.exit(failed ? 1 : 0);

#!/usr/bin/env node
// Runs every browser suite in sequence (each starts its own server) and sums their results into one
// final "N passed, N failed" line; exits 1 when any check failed or a suite did not report.
// A new suite adds one line to SUITES.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SUITES = [
  'smoke.ts',
  'citizen-requests.ts',
  'portal-permits.ts',
  'citizen-registrations.ts',
  'citizen-participation.ts',
  'operations-water.ts',
  'operations-staff.ts',
  'operations-callback.ts',
  'transit-taxibus.ts',
  'attraction-region.ts',
  'attraction-jobs.ts',
];

const HERE = fileURLToPath(new URL('.', import.meta.url));

function run(suite: string): Promise<{ passed: number; failed: number; reported: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${HERE}${suite}`], { stdio: ['ignore', 'pipe', 'inherit'] });
    let last = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      process.stdout.write(text);
      last = (last + text).split('\n').slice(-5).join('\n');
    });
    child.on('close', () => {
      const match = /(\d+) passed, (\d+) failed\s*$/.exec(last.trim());
      resolve(
        match
          ? { passed: Number(match[1]), failed: Number(match[2]), reported: true }
          : { passed: 0, failed: 1, reported: false },
      );
    });
  });
}

let passed = 0;
let failed = 0;
for (const suite of SUITES) {
  process.stdout.write(`\n=== ${suite} ===\n`);
  const result = await run(suite);
  if (!result.reported) process.stdout.write(`✗ ${suite} ended without reporting its results\n`);
  passed += result.passed;
  failed += result.failed;
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);

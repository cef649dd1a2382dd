#!/usr/bin/env node
// Generates the web app's API types from the server's OpenAPI document, built in memory (no port, no data).
// `--check` compares with the committed file instead of writing it, so CI fails when the types are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from 'openapi-typescript';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openPglite } from '../src/platform/db/client.ts';
import { JobQueue } from '../src/platform/jobs/queue.ts';
import '../src/features.ts';

const TARGET = fileURLToPath(new URL('../web/src/app/api-types.ts', import.meta.url));
const check = process.argv.includes('--check');

async function openApiDocument(): Promise<OpenAPI3> {
  const database = await openPglite();
  const jobs = new JobQueue(database, { background: false });
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test' }), database, jobs });
  try {
    await app.ready();
    return app.swagger() as unknown as OpenAPI3;
  } finally {
    await app.close();
    await database.close();
  }
}

const document = await openApiDocument();
const ast = await openapiTS(document, { silent: true, alphabetize: true });
const source = `${COMMENT_HEADER.replace(
  'openapi-typescript.',
  'openapi-typescript (npm run api:generate).',
)}${astToString(ast)}`;

if (check) {
  let committed = '';
  try {
    committed = readFileSync(TARGET, 'utf8');
  } catch {
    // A missing file is simply stale.
  }
  if (committed !== source) {
    process.stderr.write(
      'web/src/app/api-types.ts is out of date with the server’s OpenAPI document.\n' +
        'Run `npm run api:generate` and commit the result.\n',
    );
    process.exit(1);
  }
  process.stdout.write('web/src/app/api-types.ts is up to date.\n');
} else {
  writeFileSync(TARGET, source);
  const paths = Object.keys(document.paths ?? {}).length;
  process.stdout.write(`Wrote web/src/app/api-types.ts (${paths} paths).\n`);
}

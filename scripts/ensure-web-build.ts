#!/usr/bin/env node
// Run by `npm start`: builds the web app when web/dist is missing or older than its sources, else does nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB = join(ROOT, 'web');
const BUILT = join(WEB, 'dist', 'index.html');
const SOURCES = [join(WEB, 'src'), join(WEB, 'public'), join(WEB, 'index.html'), join(WEB, 'vite.config.ts')];

/** The newest modification time under a file or folder, and which file it is. */
function newest(path: string): { time: number; file: string } {
  if (!existsSync(path)) return { time: 0, file: path };
  const stat = statSync(path);
  if (!stat.isDirectory()) return { time: stat.mtimeMs, file: path };
  let best = { time: 0, file: path };
  for (const entry of readdirSync(path)) {
    const found = newest(join(path, entry));
    if (found.time > best.time) best = found;
  }
  return best;
}

function reasonToBuild(): string | null {
  if (!existsSync(BUILT)) return 'web/dist/index.html is missing';
  const builtAt = statSync(BUILT).mtimeMs;
  for (const source of SOURCES) {
    const found = newest(source);
    if (found.time > builtAt) return `${relative(ROOT, found.file)} changed since the last build`;
  }
  return null;
}

const reason = reasonToBuild();
if (!reason) {
  process.stdout.write('Web app is up to date (web/dist).\n');
} else {
  process.stdout.write(`Building the web app: ${reason}…\n`);
  const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    process.stderr.write('The web app build failed; see the messages above.\n');
    process.exit(result.status ?? 1);
  }
  process.stdout.write('Web app built (web/dist).\n');
}

// A private PostgreSQL cluster for the fault tests: initdb in a temporary directory, on a free port, with
// its socket in that directory, run as the `postgres` OS user when the tests run as root (PostgreSQL
// refuses to run as root). It can be stopped and restarted under load without touching the machine's own.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Whether initdb is installed (the test says it is skipped otherwise). */
export const hasInitdb = existsSync(join(BIN, 'initdb'));

/** A running private cluster. */
export interface PrivateCluster {
  url: string;
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  destroy(): void;
}

function asPostgres(command: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  const [cmd, argv] = root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
}

/** Creates and starts a cluster on `port`. */
export function startPrivateCluster(port: number): PrivateCluster {
  const dir = mkdtempSync(join(tmpdir(), 'civique-pg-'));
  chmodSync(dir, 0o777);
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
  const data = join(dir, 'data');
  asPostgres(join(BIN, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=50`;
  const ctl = (args: string[]) => asPostgres(join(BIN, 'pg_ctl'), ['-D', data, ...args]);
  const start = () => ctl(['-o', options, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: (mode = 'fast') => ctl(['-m', mode, '-w', '-t', '60', 'stop']),
    start,
    destroy: () => {
      try {
        ctl(['-m', 'immediate', 'stop']);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

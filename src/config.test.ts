import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENV_VARS, loadConfig } from './config.ts';

describe('configuration', () => {
  it('documents every environment variable in the README', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const v of ENV_VARS) expect(readme, v.name).toMatch(new RegExp(`\\|\\s*\`${v.name}\`\\s*\\|`));
  });

  it('defaults to the embedded mode on port 3000 under ./data', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(c.inProcessWorker).toBe(true);
  });

  it('reads PORT, DATA_DIR and DATABASE_URL, and refuses a bad port', () => {
    const c = loadConfig({
      PORT: '8080',
      DATA_DIR: '/tmp/x',
      DATABASE_URL: 'postgres://h/db',
      IN_PROCESS_WORKER: 'false',
    });
    expect(c).toMatchObject({
      port: 8080,
      dataDir: '/tmp/x',
      databaseUrl: 'postgres://h/db',
      inProcessWorker: false,
    });
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });
});

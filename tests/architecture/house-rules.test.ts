import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { is } from 'drizzle-orm';
import { getTableConfig, type PgTable, PgTable as PgTableClass } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const sources = walk(join(root, 'src')).filter((f) => f.endsWith('.ts'));
const importsOf = (file: string, options: { valuesOnly?: boolean } = {}) =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*import\s(type\s)?[^;]*?from\s+'([^']+)'/gms)]
    .filter((m) => !(options.valuesOnly && m[1]))
    .map((m) => m[2] ?? '');

// Installation-wide tables (DESIGN.md: "few and named as such"); every other table is tenant-owned.
const INSTALLATION_WIDE = new Set([
  'organisations',
  // Roles link installation-wide accounts to organisations and are looked up by account on every request.
  'memberships',
  'partnerships',
  'partnership_members',
  'accounts',
  'sessions',
  'one_time_codes',
  'sign_in_failures',
  'households',
  'persons',
  'consents',
  'deletion_requests',
  'idempotency_keys',
  'installation_secrets',
  'email_messages',
  // Notifications, like e-mail, may belong to no organisation (account messages); preferences and devices are a person's.
  'notification_messages',
  'notification_preferences',
  'notification_suppressions',
  'push_subscriptions',
  'audit_log',
  // Reference classification (NOC 2021), the same for every organisation.
  'noc_classes',
]);

describe('house rules', () => {
  it('keeps dependencies one way: platform imports no module, a module imports no other module', () => {
    const problems: string[] = [];
    for (const file of sources) {
      const rel = relative(join(root, 'src'), file);
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = relative(join(root, 'src'), join(file, '..', spec));
        if (rel.startsWith('platform/') && target.startsWith('modules/')) problems.push(`${rel} → ${target}`);
        const [, mod] = rel.match(/^modules\/([^/]+)\//) ?? [];
        const [, targetMod] = target.match(/^modules\/([^/]+)\//) ?? [];
        if (mod && targetMod && mod !== targetMod) problems.push(`${rel} → ${target}`);
        if (
          (rel.startsWith('platform/') || rel.startsWith('modules/')) &&
          /^(app|main|server)\.ts$/.test(target)
        )
          problems.push(`${rel} → ${target}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps SQL out of routes', () => {
    const offenders = sources
      .filter((f) => f.endsWith('/routes.ts'))
      .filter((f) =>
        importsOf(f, { valuesOnly: true }).some((s) => s === 'drizzle-orm' || s.endsWith('/schema.ts')),
      )
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });

  it('gives every tenant-owned table org_id first in its primary key and its indexes', async () => {
    const problems: string[] = [];
    for (const file of sources.filter((f) => f.endsWith('/schema.ts'))) {
      const exports: Record<string, unknown> = await import(file);
      for (const value of Object.values(exports)) {
        if (!is(value, PgTableClass)) continue;
        const config = getTableConfig(value as PgTable);
        if (INSTALLATION_WIDE.has(config.name)) continue;
        const orgId = config.columns.find((c) => c.name === 'org_id');
        if (!orgId?.notNull) {
          problems.push(`${config.name}: org_id NOT NULL missing`);
          continue;
        }
        const pk = config.primaryKeys[0]?.columns.map((c) => c.name) ?? [];
        if (pk[0] !== 'org_id')
          problems.push(`${config.name}: primary key must lead with org_id (${pk.join(', ')})`);
        for (const index of config.indexes) {
          const first = index.config.columns[0];
          const name = first && 'name' in first ? first.name : undefined;
          if (name !== 'org_id')
            problems.push(`${config.name}: index ${index.config.name} must lead with org_id`);
        }
        for (const fk of config.foreignKeys) {
          const ref = fk.reference();
          const cols = ref.columns.map((c) => c.name);
          const foreignTable = getTableConfig(ref.foreignTable).name;
          if (!INSTALLATION_WIDE.has(foreignTable) && cols[0] !== 'org_id')
            problems.push(`${config.name}: foreign key to ${foreignTable} must be composite (org_id, …)`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

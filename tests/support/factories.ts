import { randomBytes } from 'node:crypto';
import { generateSecret } from 'otplib';
import { newSessionToken, sessionCookieName } from '../../src/platform/auth/context.ts';
import { accounts, memberships, type Role, sessions } from '../../src/platform/auth/schema.ts';
import type { Database } from '../../src/platform/db/client.ts';
import { organisations } from '../../src/platform/orgs/schema.ts';
import { households, persons } from '../../src/platform/people/schema.ts';
import type { TestClient } from './client.ts';

const unique = () => randomBytes(4).toString('hex');

/** Creates an organisation (a municipality unless told otherwise). */
export async function createOrg(
  db: Database,
  overrides: Partial<typeof organisations.$inferInsert> = {},
): Promise<typeof organisations.$inferSelect> {
  const u = unique();
  const [row] = await db
    .insert(organisations)
    .values({
      slug: `ville-${u}`,
      kind: 'municipality',
      geoCode: String(10000 + Math.floor(Math.random() * 89999)),
      nameFr: `Ville ${u}`,
      nameEn: `Town ${u}`,
      refPrefix: 'TST',
      branding: { primaryColor: '#004b87', accentColor: '#f2a900' },
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('createOrg failed');
  return row;
}

/** A test account; `password` is stored as given only when `passwordHash` is provided by the caller. */
export interface TestAccount {
  id: string;
  email: string;
  personId: string;
  householdId: string;
  totpSecret: string | null;
}

/** Creates an account with a household, optional roles, optional TOTP. */
export async function createAccount(
  db: Database,
  options: {
    email?: string;
    passwordHash?: string | null;
    roles?: Array<{ orgId: string; role: Role }>;
    installationAdmin?: boolean;
    totp?: boolean;
    locale?: 'fr' | 'en';
    verified?: boolean;
  } = {},
): Promise<TestAccount> {
  const totpSecret = options.totp ? generateSecret() : null;
  const [account] = await db
    .insert(accounts)
    .values({
      email: options.email ?? `person-${unique()}@example.test`,
      passwordHash: options.passwordHash ?? null,
      emailVerifiedAt: options.verified === false ? null : new Date(),
      givenName: 'Test',
      familyName: `Person ${unique()}`,
      locale: options.locale ?? 'fr',
      isInstallationAdmin: options.installationAdmin ?? false,
      totpSecret,
      totpEnabledAt: totpSecret ? new Date() : null,
    })
    .returning();
  if (!account) throw new Error('createAccount failed');
  const [household] = await db.insert(households).values({}).returning();
  if (!household) throw new Error('household insert failed');
  const [person] = await db
    .insert(persons)
    .values({
      householdId: household.id,
      accountId: account.id,
      role: 'guardian',
      givenName: account.givenName,
      familyName: account.familyName,
    })
    .returning();
  if (!person) throw new Error('person insert failed');
  for (const r of options.roles ?? []) await db.insert(memberships).values({ ...r, accountId: account.id });
  return { id: account.id, email: account.email, personId: person.id, householdId: household.id, totpSecret };
}

/** Signs a client in as an account by creating its session directly (mfa: the second factor was passed). */
export async function signInAs(
  db: Database,
  client: TestClient,
  account: { id: string },
  options: { mfa?: boolean; secureCookies?: boolean } = {},
): Promise<void> {
  const { token, id } = newSessionToken();
  await db.insert(sessions).values({
    id,
    accountId: account.id,
    expiresAt: new Date(Date.now() + 3600_000),
    mfaAt: options.mfa ? new Date() : null,
  });
  client.setCookie(sessionCookieName(options.secureCookies ?? true), token);
}

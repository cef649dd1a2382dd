// Helpers shared by this folder's tests (not product code).
import { desc, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import type { TestClient, TestResponse } from '../../../tests/support/client.ts';
import type { Database } from '../db/client.ts';
import { emailMessages } from '../notify/schema.ts';
import type { SessionBody } from './session-body.ts';

/** A password zxcvbn scores well, for accounts the tests sign in to. */
export const GOOD_PASSWORD = 'Canot-Rabaska*Maskinongé-47';

/** The name of the session cookie in tests (Secure cookies are the default). */
export const SESSION_COOKIE = '__Host-civique_session';

/** The latest e-mail sent to an address with a template. */
export async function latestEmail(db: Database, to: string, template?: string) {
  const rows = await db
    .select()
    .from(emailMessages)
    .where(eq(emailMessages.toAddress, to))
    .orderBy(desc(emailMessages.createdAt), desc(emailMessages.id));
  return rows.find((m) => !template || m.template === template);
}

/** The 6-digit code of the latest e-mail of a template sent to an address. */
export async function latestCode(db: Database, to: string, template: string): Promise<string> {
  const message = await latestEmail(db, to, template);
  const code = message?.textBody.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no ${template} code e-mailed to ${to}`);
  return code;
}

/** POST from a given client address (each address has its own route rate limits). */
export function postFrom<T = unknown>(
  client: TestClient,
  ip: string,
  url: string,
  payload: unknown,
): Promise<TestResponse<T>> {
  return client.raw<T>({ method: 'POST', url, payload: payload as object, remoteAddress: ip });
}

/** Signs in through the API with a password. */
export function signInWithPassword(client: TestClient, email: string, password: string, ip = '127.0.0.1') {
  return postFrom<SessionBody & { error?: { code: string; message: string } }>(
    client,
    ip,
    '/api/auth/sign-in',
    {
      email,
      password,
    },
  );
}

/** The error body's code and message. */
export type ErrorReply = { error: { code: string; message: string; details?: unknown } };

/** A 6-digit code that is valid for none of the time steps a TOTP check accepts right now. */
export async function wrongTotpCode(secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const valid = new Set(
    await Promise.all([-60, -30, 0, 30, 60].map((offset) => generate({ secret, epoch: now + offset }))),
  );
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}

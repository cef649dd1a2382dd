import { eq } from 'drizzle-orm';
import { generateSecret, generateURI } from 'otplib';
import QRCode from 'qrcode';
import type { Executor } from '../db/client.ts';
import type { AuthContext } from './context.ts';
import { requireAccount } from './policies.ts';
import { accounts } from './schema.ts';
import { TOTP_ISSUER } from './totp.ts';

/**
 * Starts TOTP enrolment: a new secret is kept aside (an enabled secret keeps working) until a code
 * from it is entered with enable-totp.
 */
export async function setUpTotp(options: {
  db: Executor;
  auth: AuthContext | null;
}): Promise<{ secret: string; otpauthUri: string; qrDataUrl: string }> {
  const who = requireAccount(options.auth);
  const secret = generateSecret();
  await options.db.update(accounts).set({ totpPendingSecret: secret }).where(eq(accounts.id, who.account.id));
  const otpauthUri = generateURI({ issuer: TOTP_ISSUER, label: who.account.email, secret });
  const qrDataUrl = await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUri, qrDataUrl };
}

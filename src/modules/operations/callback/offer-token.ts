import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Executor } from '../../../platform/db/client.ts';
import { installationSecret } from '../../../platform/db/secrets.ts';
import { AppError } from '../../../platform/http/errors.ts';

const SECRET = 'callback.offer-links';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function mac(secret: string, orgId: string, offerId: string): string {
  return createHmac('sha256', secret).update(`${orgId}:${offerId}`).digest('base64url');
}

/** The one-tap link token of an offer: its id and an HMAC of (organisation, offer) with the installation key. */
export async function signOfferToken(db: Executor, orgId: string, offerId: string): Promise<string> {
  return `${offerId}.${mac(await installationSecret(db, SECRET), orgId, offerId)}`;
}

/** The offer id a token names, or 404 `callback.invalid_token` when it was not signed for this organisation. */
export async function verifyOfferToken(db: Executor, orgId: string, token: string): Promise<string> {
  const [offerId = '', signature = ''] = token.split('.');
  if (!UUID.test(offerId)) throw new AppError('callback.invalid_token', 404);
  const expected = Buffer.from(mac(await installationSecret(db, SECRET), orgId, offerId));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new AppError('callback.invalid_token', 404);
  return offerId;
}

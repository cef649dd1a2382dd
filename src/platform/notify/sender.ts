import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import type { Locale } from '../http/locale.ts';
import { organisations } from '../orgs/schema.ts';
import { type EmailBranding, INSTALLATION_BRANDING } from './render.ts';

/**
 * Who sends a message, as every footer names them (Canada's anti-spam law): the organisation's name in
 * the person's language, its colour and its contact address; the installation's own name otherwise.
 * The installation's public address is the contact when the organisation has no e-mail of its own.
 */
export async function senderOf(
  db: Executor,
  orgId: string | null | undefined,
  locale: Locale,
  publicUrl: string | undefined,
): Promise<EmailBranding> {
  if (!orgId) return { ...INSTALLATION_BRANDING, contact: publicUrl };
  const [org] = await db
    .select({
      nameFr: organisations.nameFr,
      nameEn: organisations.nameEn,
      branding: organisations.branding,
      contactEmail: organisations.contactEmail,
    })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (!org) return { ...INSTALLATION_BRANDING, contact: publicUrl };
  return {
    name: locale === 'fr' ? org.nameFr : org.nameEn,
    primaryColor: org.branding.primaryColor,
    contact: org.contactEmail ?? publicUrl,
  };
}

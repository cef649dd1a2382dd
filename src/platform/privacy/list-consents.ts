import { and, desc, eq, isNull } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import type { Executor } from '../db/client.ts';
import type { Locale } from '../http/locale.ts';
import { PURPOSES } from './purposes.ts';
import { consents } from './schema.ts';

/** One entry of the consent ledger as the person sees it. */
export interface ConsentEntry {
  purpose: string;
  granted: boolean;
  version: string;
  text: string;
  locale: string;
  at: string;
}

/** The current choice for one purpose: granted only if the latest entry grants the current text. */
export interface PurposeState {
  purpose: string;
  title: string;
  text: string;
  version: string;
  granted: boolean;
  at: string | null;
}

/** Shapes a ledger row for the API. */
export function toConsentEntry(row: typeof consents.$inferSelect): ConsentEntry {
  return {
    purpose: row.purpose,
    granted: row.granted,
    version: row.textVersion,
    text: row.textShown,
    locale: row.locale,
    at: row.at.toISOString(),
  };
}

/** The signed-in person's consents: every purpose of the catalogue (not granted by default) and the full history. */
export async function listConsents(options: {
  db: Executor;
  auth: AuthContext | null;
  locale: Locale;
}): Promise<{ purposes: PurposeState[]; history: ConsentEntry[] }> {
  const who = requireAccount(options.auth);
  const rows = await options.db
    .select()
    .from(consents)
    .where(and(eq(consents.accountId, who.account.id), isNull(consents.orgId)))
    .orderBy(desc(consents.at), desc(consents.id));
  const history = rows.map(toConsentEntry);
  const purposes = PURPOSES.map((p) => {
    const latest = rows.find((r) => r.purpose === p.purpose);
    return {
      purpose: p.purpose,
      title: p.title[options.locale],
      text: p.text[options.locale],
      version: p.version,
      // A grant of an earlier text does not carry over to a new one: the most private setting wins.
      granted: latest?.granted === true && latest.textVersion === p.version,
      at: latest ? latest.at.toISOString() : null,
    };
  });
  return { purposes, history };
}

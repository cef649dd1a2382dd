import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { PURPOSES } from './purposes.ts';
import { consents } from './schema.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

interface ConsentsBody {
  purposes: Array<{
    purpose: string;
    title: string;
    text: string;
    version: string;
    granted: boolean;
    at: string | null;
  }>;
  history: Array<{
    purpose: string;
    granted: boolean;
    version: string;
    text: string;
    locale: string;
    at: string;
  }>;
}

async function citizen(locale: 'fr' | 'en' = 'fr') {
  const account = await createAccount(ctx.db, { locale });
  const client = ctx.client({ locale });
  await signInAs(ctx.db, client, account);
  return { account, client };
}

const newsletter = PURPOSES.find((p) => p.purpose === 'newsletter');
if (!newsletter) throw new Error('newsletter purpose missing');

describe('consents', () => {
  it('has the required purposes in the catalogue, each with French and English text', () => {
    const names = PURPOSES.map((p) => p.purpose);
    expect(names).toEqual(expect.arrayContaining(['newsletter', 'analytics', 'sms_alerts', 'job_matching']));
    for (const p of PURPOSES) {
      expect(p.title.fr && p.title.en && p.text.fr && p.text.en && p.version).toBeTruthy();
      expect(p.text.fr).not.toBe(p.text.en);
    }
  });

  it('defaults every purpose to not granted', async () => {
    const { client } = await citizen();
    const res = await client.get<ConsentsBody>('/api/me/consents');
    expect(res.status).toBe(200);
    expect(res.body.purposes.map((p) => p.purpose).sort()).toEqual(PURPOSES.map((p) => p.purpose).sort());
    expect(res.body.purposes.every((p) => p.granted === false && p.at === null)).toBe(true);
    expect(res.body.history).toEqual([]);
    const fr = res.body.purposes.find((p) => p.purpose === 'newsletter');
    expect(fr).toMatchObject({ title: 'Infolettre', text: newsletter.text.fr, version: newsletter.version });
  });

  it('keeps every change in the ledger with the exact text shown, in the language it was shown', async () => {
    const { account, client } = await citizen('fr');
    const granted = await client.post('/api/me/consents', {
      purpose: 'newsletter',
      granted: true,
      version: newsletter.version,
    });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({
      purpose: 'newsletter',
      granted: true,
      text: newsletter.text.fr,
      locale: 'fr',
    });

    const state = await client.get<ConsentsBody>('/api/me/consents');
    expect(state.body.purposes.find((p) => p.purpose === 'newsletter')?.granted).toBe(true);
    expect(state.body.purposes.find((p) => p.purpose === 'analytics')?.granted).toBe(false);

    // Withdrawn later from an English page.
    client.locale = 'en';
    const withdrawn = await client.post('/api/me/consents', {
      purpose: 'newsletter',
      granted: false,
      version: newsletter.version,
    });
    expect(withdrawn.status).toBe(201);

    const after = await client.get<ConsentsBody>('/api/me/consents');
    const now = after.body.purposes.find((p) => p.purpose === 'newsletter');
    expect(now).toMatchObject({ granted: false, title: 'Newsletter', text: newsletter.text.en });
    expect(after.body.history).toHaveLength(2);
    expect(after.body.history[0]).toMatchObject({ granted: false, locale: 'en', text: newsletter.text.en });
    expect(after.body.history[1]).toMatchObject({ granted: true, locale: 'fr', text: newsletter.text.fr });

    const rows = await ctx.db.select().from(consents).where(eq(consents.accountId, account.id));
    expect(rows.map((r) => r.textShown).sort()).toEqual([newsletter.text.en, newsletter.text.fr].sort());
  });

  it('refuses a consent to a text other than the current one, and unknown purposes', async () => {
    const { client } = await citizen('en');
    const stale = await client.post<{ error: { code: string; details: { currentVersion: string } } }>(
      '/api/me/consents',
      { purpose: 'analytics', granted: true, version: '1999-01' },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('privacy.consent_version_stale');
    expect(stale.body.error.details.currentVersion).toBeTruthy();
    const unknown = await client.post<{ error: { code: string } }>('/api/me/consents', {
      purpose: 'sell_my_data',
      granted: true,
      version: '2026-01',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('privacy.purpose_unknown');
    const state = await client.get<ConsentsBody>('/api/me/consents');
    expect(state.body.history).toEqual([]);
  });

  it('does not count a grant of an earlier version of the text', async () => {
    const { account, client } = await citizen();
    await ctx.db.insert(consents).values({
      accountId: account.id,
      purpose: 'sms_alerts',
      granted: true,
      textShown: 'ancien texte',
      textVersion: '2020-01',
      locale: 'fr',
    });
    const state = await client.get<ConsentsBody>('/api/me/consents');
    expect(state.body.purposes.find((p) => p.purpose === 'sms_alerts')?.granted).toBe(false);
    expect(state.body.history[0]).toMatchObject({ version: '2020-01', text: 'ancien texte' });
  });

  it('shows each person only their own consents', async () => {
    const a = await citizen();
    const b = await citizen();
    await a.client.post('/api/me/consents', {
      purpose: 'newsletter',
      granted: true,
      version: newsletter.version,
    });
    const bState = await b.client.get<ConsentsBody>('/api/me/consents');
    expect(bState.body.history).toEqual([]);
    expect(bState.body.purposes.find((p) => p.purpose === 'newsletter')?.granted).toBe(false);
    expect((await ctx.client().get('/api/me/consents')).status).toBe(401);
  });

  it('is append-only: the database refuses to rewrite a ledger entry', async () => {
    const { account, client } = await citizen();
    await client.post('/api/me/consents', {
      purpose: 'analytics',
      granted: true,
      version: newsletter.version,
    });
    await expect(
      ctx.db.execute(sql`UPDATE consents SET granted = false WHERE account_id = ${account.id}`),
    ).rejects.toThrow();
    const rows = await ctx.db.select().from(consents).where(eq(consents.accountId, account.id));
    expect(rows.map((r) => r.granted)).toEqual([true]);
  });
});

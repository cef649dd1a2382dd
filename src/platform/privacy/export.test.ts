import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createOrg, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { sessions } from '../auth/schema.ts';
import { sendEmail } from '../notify/send-email.ts';
import { defineEmailTemplate } from '../notify/templates.ts';
import { PURPOSES } from './purposes.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const NOTE = defineEmailTemplate<{ word: string }>('test.export_note', {
  subject: (p, l) => (l === 'fr' ? `Avis ${p.word}` : `Notice ${p.word}`),
  text: (p) => `Mot : ${p.word}`,
});

/** A citizen with a dependant, a consent, a deletion request, an e-mail and an audit entry about them. */
async function populatedCitizen(tag: string) {
  const account = await createAccount(ctx.db);
  const client = ctx.client();
  await signInAs(ctx.db, client, account);
  await client.patch('/api/me/profile', { phone: '418 555-0100', givenName: `Prénom${tag}` });
  const child = await client.post<{ id: string }>('/api/me/household/dependants', {
    givenName: `Enfant${tag}`,
    familyName: `Famille${tag}`,
    birthDate: '2017-05-20',
  });
  await client.post('/api/me/consents', {
    purpose: 'newsletter',
    granted: true,
    version: PURPOSES[0]?.version,
  });
  await client.post('/api/me/deletion-requests', { reason: `Raison${tag}` });
  await sendEmail(ctx, { to: account.email, locale: 'fr', template: NOTE, params: { word: `Mot${tag}` } });
  const org = await createOrg(ctx.db);
  await recordAudit(ctx.db, {
    orgId: org.id,
    actorAccountId: null,
    action: `test.viewed_${tag}`,
    targetType: 'person',
    targetId: child.body.id,
    subjectAccountId: account.id,
  });
  return { account, client, childId: child.body.id };
}

describe('personal data export', () => {
  it('needs a session and refuses to be pointed at someone else', async () => {
    expect((await ctx.client().get('/api/me/export')).status).toBe(401);
    const a = await populatedCitizen('Q');
    const b = await populatedCitizen('R');
    const res = await b.client.get(`/api/me/export?accountId=${a.account.id}`);
    expect(res.status).toBe(400);
  });

  it('downloads everything held about the person as JSON, and nothing about anyone else', async () => {
    const a = await populatedCitizen('A');
    const b = await populatedCitizen('B');
    const res = await a.client.get('/api/me/export');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename=".+\.json"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const data = JSON.parse(res.text);

    expect(data.account).toMatchObject({ id: a.account.id, email: a.account.email, givenName: 'PrénomA' });
    expect(data.account.phone).toBe('418 555-0100');
    expect(data.household.members.map((m: { givenName: string }) => m.givenName)).toEqual(
      expect.arrayContaining(['PrénomA', 'EnfantA']),
    );
    expect(data.consents[0]).toMatchObject({ purpose: 'newsletter', granted: true });
    expect(data.deletionRequests[0]).toMatchObject({ reason: 'RaisonA', status: 'open' });
    expect(data.emails.map((m: { subject: string }) => m.subject)).toContain('Avis MotA');
    expect(data.auditEntries.map((e: { action: string }) => e.action)).toContain('test.viewed_A');
    expect(data.sessions.length).toBeGreaterThan(0);
    for (const s of data.sessions) expect(Object.keys(s)).not.toContain('id');

    // No secrets and no session ids.
    const sessionIds = (await ctx.db.select({ id: sessions.id }).from(sessions)).map((s) => s.id);
    for (const id of sessionIds) expect(res.text).not.toContain(id);
    expect(res.text).not.toMatch(/passwordHash|password_hash|totpSecret|totp_secret/);

    // Nothing of B.
    for (const needle of [
      b.account.email,
      b.account.id,
      b.childId,
      'EnfantB',
      'RaisonB',
      'MotB',
      'viewed_B',
    ]) {
      expect(res.text).not.toContain(needle);
    }
  });

  it('downloads the same as one CSV file of section,field,value rows', async () => {
    const a = await populatedCitizen('C');
    const b = await populatedCitizen('D');
    const res = await a.client.get('/api/me/export?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename=".+\.csv"$/);
    const lines = res.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('section,field,value');
    expect(lines).toContain(`account,email,${a.account.email}`);
    expect(lines).toContain('account,givenName,PrénomC');
    expect(lines.some((l) => /^household,members\[\d\]\.givenName,EnfantC$/.test(l))).toBe(true);
    expect(lines.some((l) => /^deletionRequests,\[0\]\.reason,RaisonC$/.test(l))).toBe(true);
    expect(lines.some((l) => /^emails,\[0\]\.subject,Avis MotC$/.test(l))).toBe(true);
    for (const needle of [b.account.email, b.account.id, 'EnfantD', 'RaisonD', 'MotD']) {
      expect(res.text).not.toContain(needle);
    }
  });
});

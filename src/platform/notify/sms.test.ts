import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createOrg, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { accounts } from '../auth/schema.ts';
import { defineNotification } from './notification-templates.ts';
import { notify, SMS_QUEUE } from './notify.ts';
import { notificationMessages } from './schema.ts';
import { smsSegments } from './sms-text.ts';
import { twilioSignature } from './twilio-signature.ts';

const REMINDER = defineNotification<{ stop: string }>('test.sms_reminder', {
  subject: (p, l) => (l === 'fr' ? `Taxibus : arrêt ${p.stop}` : `Taxibus: stop ${p.stop}`),
  text: (p, l) =>
    l === 'fr'
      ? `Votre taxibus arrive à l’arrêt ${p.stop} dans 5 minutes.`
      : `Your taxibus reaches stop ${p.stop} in 5 minutes.`,
  short: (p, l) =>
    l === 'fr'
      ? `Votre taxibus arrive à l’arrêt ${p.stop} dans 5 min.`
      : `Your taxibus reaches stop ${p.stop} in 5 min.`,
});

const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'test-auth-token-0123456789';
const PUBLIC_URL = 'https://civique.example.ca';
const INVALID_NUMBER = '+15005550001';
const BROKEN_NUMBER = '+15005550002';

interface Received {
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  form: Record<string, string>;
}

/** A server speaking Twilio's Messages API: accepts, refuses an invalid number (400), or fails (500). */
async function startFakeTwilio() {
  const received: Received[] = [];
  let n = 0;
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString('utf8');
      });
      req.on('end', () => resolve(body));
    });
  const server: Server = createServer(async (req, res) => {
    const form = Object.fromEntries(new URLSearchParams(await read(req)));
    received.push({
      path: req.url ?? '',
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
      form,
    });
    res.setHeader('content-type', 'application/json');
    if (req.url !== `/2010-04-01/Accounts/${SID}/Messages.json`) {
      res.statusCode = 404;
      return res.end(JSON.stringify({ code: 20404, message: 'not found' }));
    }
    if (form.To === INVALID_NUMBER) {
      res.statusCode = 400;
      return res.end(
        JSON.stringify({ code: 21211, message: "The 'To' number is not a valid phone number." }),
      );
    }
    if (form.To === BROKEN_NUMBER) {
      res.statusCode = 500;
      return res.end(JSON.stringify({ code: 20500, message: 'Internal Server Error' }));
    }
    n++;
    res.statusCode = 201;
    res.end(
      JSON.stringify({
        sid: `SM${String(n).padStart(32, '0')}`,
        status: 'queued',
        to: form.To,
        body: form.Body,
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    received,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

async function personWithPhone(c: TestContext, phone: string, locale: 'fr' | 'en' = 'fr') {
  const account = await createAccount(c.db, { locale });
  await c.db.update(accounts).set({ phone }).where(eq(accounts.id, account.id));
  const client = c.client({ locale });
  await signInAs(c.db, client, account);
  await client.put('/api/me/notification-preferences', {
    preferences: { transit: { email: false, sms: true, push: false, inapp: false } },
  });
  return account;
}

async function message(c: TestContext, id: string | undefined) {
  const [row] = await c.db
    .select()
    .from(notificationMessages)
    .where(eq(notificationMessages.id, id ?? ''));
  if (!row) throw new Error('message not found');
  return row;
}

describe('text messages through a Twilio-compatible provider', () => {
  let twilio: Awaited<ReturnType<typeof startFakeTwilio>>;
  let ctx: TestContext;
  beforeAll(async () => {
    twilio = await startFakeTwilio();
    ctx = await createTestContext({
      PUBLIC_URL,
      SMS_API_URL: twilio.url,
      SMS_ACCOUNT_SID: SID,
      SMS_AUTH_TOKEN: TOKEN,
      SMS_FROM: '+18195550100',
    });
  });
  afterAll(async () => {
    await ctx?.close();
    await twilio?.close();
  });

  const callback = (
    params: Record<string, string>,
    signature = twilioSignature(TOKEN, `${PUBLIC_URL}/api/notify/sms/status`, params),
  ) => {
    const client = ctx.client();
    client.sendCsrf = false;
    return client.raw<{ updated: boolean }>({
      method: 'POST',
      url: '/api/notify/sms/status',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      payload: new URLSearchParams(params).toString(),
    });
  };

  it('posts the message form-encoded with basic authentication, then records the delivery reports', async () => {
    const account = await personWithPhone(ctx, '+15145550111');
    const org = await createOrg(ctx.db, {
      nameFr: 'Ville de Victoriaville',
      nameEn: 'City of Victoriaville',
    });
    const { messages } = await notify(ctx, {
      accountId: account.id,
      orgId: org.id,
      category: 'transit',
      template: REMINDER,
      params: { stop: 'Gare' },
    });
    expect(messages.map((m) => m.channel)).toEqual(['sms']);
    await ctx.jobs.runPending([SMS_QUEUE]);

    expect(twilio.received).toHaveLength(1);
    const sent = twilio.received[0];
    expect(sent?.path).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(sent?.authorization).toBe(`Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`);
    expect(sent?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(sent?.form).toMatchObject({
      To: '+15145550111',
      From: '+18195550100',
      StatusCallback: `${PUBLIC_URL}/api/notify/sms/status`,
    });
    // With its accents the text and link take three UCS-2 segments; without the few accents GSM-7
    // lacks (ê, ’) they fit in two GSM-7 ones, whole.
    expect(sent?.form.Body).toMatch(
      /^Ville de Victoriaville : Votre taxibus arrive à l'arret Gare dans 5 min\.\nDésabonnement : https:\/\/civique\.example\.ca\/api\/notify\/unsubscribe\/[A-Za-z0-9_-]{43}$/,
    );
    expect(smsSegments(sent?.form.Body ?? '').segments).toBeLessThanOrEqual(2);

    const row = await message(ctx, messages[0]?.id);
    expect(row).toMatchObject({
      status: 'sent',
      transport: 'twilio',
      attempts: 1,
      lastError: null,
      deliveredAt: null,
    });
    const sid = row.providerMessageId ?? '';
    expect(sid).toMatch(/^SM/);

    const delivered = await callback({
      AccountSid: SID,
      MessageSid: sid,
      MessageStatus: 'delivered',
      To: '+15145550111',
    });
    expect(delivered.status).toBe(200);
    expect(delivered.body.updated).toBe(true);
    expect((await message(ctx, row.id)).deliveredAt).not.toBeNull();
    // A late "sent" report changes nothing, nor does an "undelivered" one after delivery.
    await callback({ AccountSid: SID, MessageSid: sid, MessageStatus: 'sent' });
    const late = await callback({
      AccountSid: SID,
      MessageSid: sid,
      MessageStatus: 'undelivered',
      ErrorCode: '30003',
    });
    expect(late.body.updated).toBe(false);
    expect(await message(ctx, row.id)).toMatchObject({ status: 'sent' });
  });

  it('marks an undelivered message bounced and a failed one failed', async () => {
    const a = await personWithPhone(ctx, '+15145550112');
    const b = await personWithPhone(ctx, '+15145550113');
    const ma = (
      await notify(ctx, { accountId: a.id, category: 'transit', template: REMINDER, params: { stop: 'A' } })
    ).messages[0];
    const mb = (
      await notify(ctx, { accountId: b.id, category: 'transit', template: REMINDER, params: { stop: 'B' } })
    ).messages[0];
    await ctx.jobs.runPending([SMS_QUEUE]);
    const sa = (await message(ctx, ma?.id)).providerMessageId ?? '';
    const sb = (await message(ctx, mb?.id)).providerMessageId ?? '';
    await callback({ AccountSid: SID, MessageSid: sa, MessageStatus: 'undelivered', ErrorCode: '30003' });
    await callback({ AccountSid: SID, MessageSid: sb, MessageStatus: 'failed', ErrorCode: '30008' });
    expect(await message(ctx, ma?.id)).toMatchObject({
      status: 'bounced',
      lastError: 'provider error 30003',
    });
    expect(await message(ctx, mb?.id)).toMatchObject({ status: 'failed', lastError: 'provider error 30008' });
  });

  it('refuses a delivery report whose signature or account does not match', async () => {
    const a = await personWithPhone(ctx, '+15145550114');
    const m = (
      await notify(ctx, { accountId: a.id, category: 'transit', template: REMINDER, params: { stop: 'C' } })
    ).messages[0];
    await ctx.jobs.runPending([SMS_QUEUE]);
    const sid = (await message(ctx, m?.id)).providerMessageId ?? '';
    const params = { AccountSid: SID, MessageSid: sid, MessageStatus: 'undelivered' };
    const forged = await callback(
      params,
      twilioSignature('not-the-token', `${PUBLIC_URL}/api/notify/sms/status`, params),
    );
    expect(forged.status).toBe(403);
    expect((await callback(params, '')).status).toBe(403);
    expect((await callback({ ...params, AccountSid: 'ACother' })).status).toBe(403);
    expect(await message(ctx, m?.id)).toMatchObject({ status: 'sent' });
  });

  it('bounces a number the provider refuses for good, and retries a provider failure with back-off', async () => {
    const invalid = await personWithPhone(ctx, INVALID_NUMBER);
    const broken = await personWithPhone(ctx, BROKEN_NUMBER);
    const mi = (
      await notify(ctx, {
        accountId: invalid.id,
        category: 'transit',
        template: REMINDER,
        params: { stop: 'D' },
      })
    ).messages[0];
    const mb = (
      await notify(ctx, {
        accountId: broken.id,
        category: 'transit',
        template: REMINDER,
        params: { stop: 'E' },
      })
    ).messages[0];
    await ctx.jobs.runPending([SMS_QUEUE]);
    const bounced = await message(ctx, mi?.id);
    expect(bounced).toMatchObject({ status: 'bounced', attempts: 1 });
    expect(bounced.lastError).toMatch(/400 \(21211\)/);
    const failed = await message(ctx, mb?.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toMatch(/500/);
    const [retry] = await ctx.jobs.boss.findJobs(SMS_QUEUE, { data: { messageId: mb?.id } });
    expect(retry?.state).toBe('retry');
    const [done] = await ctx.jobs.boss.findJobs(SMS_QUEUE, { data: { messageId: mi?.id } });
    expect(done?.state).toBe('completed');
    // The retry runs again after its delay (brought forward here) and fails again: still not sent.
    await ctx.db.execute(sql`UPDATE pgboss.job SET start_after = now() WHERE id = ${retry?.id ?? ''}`);
    await ctx.jobs.runPending([SMS_QUEUE]);
    expect(await message(ctx, mb?.id)).toMatchObject({ status: 'failed', attempts: 2 });
  });
});

describe('text messages with no provider configured', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ PUBLIC_URL });
  });
  afterAll(async () => ctx?.close());

  it('lands them in the back-office outbox beside e-mail, with a channel filter', async () => {
    const org = await createOrg(ctx.db);
    const account = await personWithPhone(ctx, '+15145550120');
    const { messages } = await notify(ctx, {
      accountId: account.id,
      orgId: org.id,
      category: 'transit',
      template: REMINDER,
      params: { stop: 'Hôtel de ville' },
    });
    await ctx.jobs.runPending([SMS_QUEUE]);
    expect(await message(ctx, messages[0]?.id)).toMatchObject({ status: 'sent', transport: 'outbox' });

    const admin = await createAccount(ctx.db, { roles: [{ orgId: org.id, role: 'admin' }], totp: true });
    const client = ctx.client();
    await signInAs(ctx.db, client, admin, { mfa: true });
    const list = await client.get<{
      items: Array<{ id: string; channel: string; to: string; status: string }>;
      total: number;
    }>(`/api/orgs/${org.id}/outbox?channel=sms`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: messages[0]?.id, channel: 'sms', to: '+15145550120', status: 'sent' }),
    ]);
    expect((await client.get<{ total: number }>(`/api/orgs/${org.id}/outbox?channel=email`)).body.total).toBe(
      0,
    );
    const one = await client.get<{ text: string; channel: string }>(
      `/api/orgs/${org.id}/outbox/${messages[0]?.id}`,
    );
    expect(one.status).toBe(200);
    expect(one.body.channel).toBe('sms');
    expect(one.body.text).toContain('Hotel de ville');
  });
});

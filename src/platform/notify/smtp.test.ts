import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createOrg } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { accounts } from '../auth/schema.ts';
import { defineNotification } from './notification-templates.ts';
import { notify } from './notify.ts';
import { emailMessages } from './schema.ts';
import { EMAIL_QUEUE, sendEmail } from './send-email.ts';
import { defineEmailTemplate } from './templates.ts';

const WELCOME = defineEmailTemplate<{ name: string }>('test.smtp_welcome', {
  subject: (p, l) =>
    l === 'fr' ? `Bienvenue à la bibliothèque, ${p.name}` : `Welcome to the library, ${p.name}`,
  text: (p, l) =>
    l === 'fr'
      ? `Bonjour ${p.name},\n\nVotre abonnement à la bibliothèque est activé. Bonne lecture!`
      : `Hello ${p.name},\n\nYour library membership is active. Happy reading!`,
});

/** Starts a real SMTP server on a random port; `reject` makes it refuse every message after DATA. */
async function startSmtp(options: { reject?: boolean } = {}) {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no self-signed STARTTLS for the client to trip over.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (options.reject) {
          callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
          return;
        }
        received.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { received, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

// A small MIME reader, enough to check what nodemailer put on the wire.
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}
function headersOf(block: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of block.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) map.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  return map;
}
function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding?.toLowerCase() === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding?.toLowerCase() === 'quoted-printable') {
    const bytes = body
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}
function parseMessage(raw: string) {
  const split = raw.indexOf('\r\n\r\n');
  const headers = headersOf(raw.slice(0, split));
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1];
  const parts = (boundary ? raw.slice(split + 4).split(`--${boundary}`) : [])
    .map((p) => p.replace(/^\r\n/, ''))
    .filter((p) => p.trim() && !p.startsWith('--'))
    .map((p) => {
      const at = p.indexOf('\r\n\r\n');
      const h = headersOf(p.slice(0, at));
      return {
        type: (h.get('content-type') ?? '').split(';')[0]?.trim(),
        body: decodeBody(p.slice(at + 4), h.get('content-transfer-encoding')),
      };
    });
  return { subject: decodeWords(headers.get('subject') ?? ''), to: headers.get('to'), headers, parts };
}

describe('e-mail through a real SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let ctx: TestContext;
  beforeAll(async () => {
    smtp = await startSmtp();
    ctx = await createTestContext({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.close();
  });

  it('delivers a French and an English message, each with a plain-text and an HTML part', async () => {
    const org = await createOrg(ctx.db, {
      nameFr: 'Ville de Victoriaville',
      nameEn: 'City of Victoriaville',
    });
    const fr = await sendEmail(ctx, {
      to: 'amelie@example.test',
      locale: 'fr',
      template: WELCOME,
      params: { name: 'Amélie' },
      orgId: org.id,
    });
    const en = await sendEmail(ctx, {
      to: 'john@example.test',
      locale: 'en',
      template: WELCOME,
      params: { name: 'John' },
      orgId: org.id,
    });
    await ctx.jobs.runPending([EMAIL_QUEUE]);

    expect(smtp.received).toHaveLength(2);
    const messages = smtp.received.map(parseMessage);
    const french = messages.find((m) => m.to?.includes('amelie@example.test'));
    const english = messages.find((m) => m.to?.includes('john@example.test'));
    expect(french?.subject).toBe('Bienvenue à la bibliothèque, Amélie');
    expect(english?.subject).toBe('Welcome to the library, John');

    const part = (m: typeof french, type: string) => m?.parts.find((p) => p.type === type)?.body ?? '';
    expect(part(french, 'text/plain')).toContain('Votre abonnement à la bibliothèque est activé.');
    expect(part(french, 'text/plain')).toContain('Ce message vous est envoyé par Ville de Victoriaville.');
    expect(part(french, 'text/html')).toContain('<html lang="fr">');
    expect(part(french, 'text/html')).toContain('Ville de Victoriaville</header>');
    expect(part(english, 'text/plain')).toContain('Your library membership is active.');
    expect(part(english, 'text/plain')).not.toContain('bibliothèque');
    expect(part(english, 'text/html')).toContain('<html lang="en">');
    expect(part(english, 'text/html')).toContain('City of Victoriaville</header>');

    for (const id of [fr, en]) {
      const [row] = await ctx.db.select().from(emailMessages).where(eq(emailMessages.id, id));
      expect(row).toMatchObject({ status: 'sent', transport: 'smtp', attempts: 1, lastError: null });
      expect(row?.providerMessageId).toBeTruthy();
    }
  });
});

const POOL = defineNotification<{ day: string }>('test.smtp_pool', {
  subject: (p, l) => (l === 'fr' ? `Piscine fermée ${p.day}` : `Pool closed on ${p.day}`),
  text: (p, l) =>
    l === 'fr' ? `La piscine municipale sera fermée ${p.day}.` : `The town pool will be closed on ${p.day}.`,
});

describe('one-click unsubscribe headers (RFC 8058) on the wire', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let ctx: TestContext;
  beforeAll(async () => {
    smtp = await startSmtp();
    ctx = await createTestContext({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      PUBLIC_URL: 'https://civique.example.ca',
    });
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.close();
  });

  it('adds List-Unsubscribe and List-Unsubscribe-Post to every message that is not exempt', async () => {
    const person = await createAccount(ctx.db, { email: 'baigneuse@example.test' });
    const org = await createOrg(ctx.db, { nameFr: 'Ville de Joliette', nameEn: 'City of Joliette' });
    await notify(ctx, {
      accountId: person.id,
      orgId: org.id,
      category: 'recreation',
      template: POOL,
      params: { day: 'lundi' },
    });
    await notify(ctx, {
      accountId: person.id,
      orgId: org.id,
      category: 'emergency',
      template: POOL,
      params: { day: 'mardi' },
    });
    await ctx.jobs.runPending([EMAIL_QUEUE]);
    const messages = smtp.received.map(parseMessage);
    const recreation = messages.find((m) => m.subject === 'Piscine fermée lundi');
    const emergency = messages.find((m) => m.subject === 'Piscine fermée mardi');
    const [row] = await ctx.db.select().from(emailMessages).where(eq(emailMessages.category, 'recreation'));
    expect(row?.unsubscribeUrl).toMatch(/^https:\/\/civique\.example\.ca\/api\/notify\/unsubscribe\//);
    expect(recreation?.headers.get('list-unsubscribe')).toBe(`<${row?.unsubscribeUrl}>`);
    expect(recreation?.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(emergency?.headers.has('list-unsubscribe')).toBe(false);
    expect(emergency?.headers.has('list-unsubscribe-post')).toBe(false);
    const [account] = await ctx.db.select().from(accounts).where(eq(accounts.id, person.id));
    expect(recreation?.to).toContain(account?.email);
  });
});

describe('e-mail refused by the SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let ctx: TestContext;
  beforeAll(async () => {
    smtp = await startSmtp({ reject: true });
    ctx = await createTestContext({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.close();
  });

  it('marks the message failed with the error and lets pg-boss retry it, never marking it sent', async () => {
    const id = await sendEmail(ctx, {
      to: 'nobody@example.test',
      locale: 'fr',
      template: WELCOME,
      params: { name: 'X' },
    });
    const findJob = async () => {
      const [job] = await ctx.jobs.boss.findJobs(EMAIL_QUEUE, { data: { messageId: id } });
      if (!job) throw new Error('delivery job not found');
      return job;
    };
    const readMessage = async () => {
      const [row] = await ctx.db.select().from(emailMessages).where(eq(emailMessages.id, id));
      if (!row) throw new Error('message not found');
      return row;
    };

    await ctx.jobs.runPending([EMAIL_QUEUE]);
    const first = await readMessage();
    expect(first).toMatchObject({ status: 'failed', transport: 'smtp', attempts: 1, sentAt: null });
    expect(first.lastError).toMatch(/Mailbox unavailable/);
    const job1 = await findJob();
    // Queued again for a later retry (pg-boss counts a retry when it claims the job again).
    expect(job1.state).toBe('retry');
    expect(job1.startAfter.getTime()).toBeGreaterThan(Date.now());

    // pg-boss waits its retry delay (15 s, growing) before retrying: bring the retry forward.
    await ctx.db.execute(sql`UPDATE pgboss.job SET start_after = now() WHERE id = ${job1.id}`);
    await ctx.jobs.runPending([EMAIL_QUEUE]);
    const second = await readMessage();
    expect(second).toMatchObject({ status: 'failed', attempts: 2, sentAt: null });
    const job2 = await findJob();
    expect(job2.state).toBe('retry');
    expect(job2.retryCount).toBe(job1.retryCount + 1);
    expect(smtp.received).toEqual([]);
  });
});

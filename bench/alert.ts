// An emergency alert to N residents (50,000 by default) whose synthetic addresses lie in the alert's
// area, each wanting it by e-mail and text message: the product's real path (sendAlert → recipients in
// the area → platform mass send in batches → one delivery job per message → pooled SMTP and the SMS
// provider's HTTP API), to an in-process SMTP server and an in-process SMS test endpoint that accept
// everything. Prints the time until every message is queued, the time until every message reached the
// SMTP server and the SMS endpoint, and a baseline from the same run: nodemailer alone sending 1,000
// messages to the same server, as a ratio of per-message costs.
// Database: PGlite in memory by default; a fresh database on the PostgreSQL server of DATABASE_URL when set.
// Usage: node bench/alert.ts [--count 50000] [--baseline 1000]
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, count, eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../src/config.ts';
import '../src/features.ts';
import { alerts } from '../src/modules/citizen/alerts/schema.ts';
import { sendAlert } from '../src/modules/citizen/alerts/send-alert.ts';
import { residencies } from '../src/modules/citizen/residency/schema.ts';
import { accounts } from '../src/platform/auth/schema.ts';
import type { DatabaseHandle } from '../src/platform/db/client.ts';
import { newId } from '../src/platform/db/ids.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { scopeOf } from '../src/platform/db/tenancy.ts';
import { addresses, addressStreets } from '../src/platform/geo/schema.ts';
import { defineJobs } from '../src/platform/jobs/define-jobs.ts';
import { JobQueue } from '../src/platform/jobs/queue.ts';
import {
  emailMessages,
  notificationCampaigns,
  notificationMessages,
  notificationPreferences,
} from '../src/platform/notify/schema.ts';
import { mailOptions, SMTP_CONNECTIONS } from '../src/platform/notify/transport.ts';
import { organisations } from '../src/platform/orgs/schema.ts';
import { households, persons } from '../src/platform/people/schema.ts';
import { openFreshDatabase } from './fresh-database.ts';
import { arg, report } from './support.ts';

const COUNT = arg('count', 50_000);
const BASELINE = arg('baseline', 1_000);
const TIMEOUT_MS = 60 * 60_000;
const CHUNK = 1000;
const CENTRE: [number, number] = [46.0225, -73.4405];

async function startSmtp() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    maxClients: 100,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.server.address() as AddressInfo).port,
    received: () => received,
    reset: () => {
      received = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A test endpoint speaking the SMS provider's API (Twilio's Messages resource): accepts every message. */
async function startSmsEndpoint() {
  let received = 0;
  const server = createServer((req, res) => {
    req.on('data', () => {});
    req.on('end', () => {
      received++;
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ sid: `SM${randomBytes(16).toString('hex')}`, status: 'queued' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** N resident households with an account (e-mail and phone), an address in the area, and e-mail + SMS chosen. */
async function seedResidents(db: DatabaseHandle['db'], orgId: string, n: number) {
  const scope = scopeOf(orgId);
  const today = new Date().toISOString().slice(0, 10);
  const [street] = await db
    .insert(addressStreets)
    .values(scope.rows({ streetName: 'Notre-Dame', streetType: 'rue', municipality: null }))
    .returning();
  if (!street) throw new Error('street');
  for (let start = 0; start < n; start += CHUNK) {
    const size = Math.min(CHUNK, n - start);
    const rows = Array.from({ length: size }, (_, k) => {
      const i = start + k;
      return {
        accountId: newId(),
        householdId: newId(),
        addressId: newId(),
        i,
        // Spread over a 1 km square around the centre: all inside the 2 km circle of the alert.
        lat: CENTRE[0] + ((i % 223) / 223 - 0.5) * 0.009,
        lon: CENTRE[1] + ((Math.floor(i / 223) % 223) / 223 - 0.5) * 0.013,
      };
    });
    await db.insert(accounts).values(
      rows.map((r) => ({
        id: r.accountId,
        email: `resident-${r.i}@example.test`,
        emailVerifiedAt: new Date(),
        givenName: 'Résident',
        familyName: String(r.i),
        phone: `+1819555${String(r.i).padStart(4, '0').slice(-4)}`,
        locale: r.i % 5 === 0 ? ('en' as const) : ('fr' as const),
      })),
    );
    await db.insert(households).values(rows.map((r) => ({ id: r.householdId })));
    await db.insert(persons).values(
      rows.map((r) => ({
        householdId: r.householdId,
        accountId: r.accountId,
        role: 'guardian' as const,
        givenName: 'Résident',
        familyName: String(r.i),
      })),
    );
    await db.insert(addresses).values(
      rows.map((r) =>
        scope.rows({
          id: r.addressId,
          streetId: street.id,
          civicNumber: r.i + 1,
          streetType: 'rue',
          streetName: 'Notre-Dame',
          latitude: r.lat,
          longitude: r.lon,
          source: 'bench',
        }),
      ),
    );
    await db.insert(residencies).values(
      rows.map((r) =>
        scope.rows({
          householdId: r.householdId,
          proof: 'staff' as const,
          status: 'active' as const,
          addressId: r.addressId,
          startsOn: today,
          expiresOn: '2099-12-31',
        }),
      ),
    );
    await db.insert(notificationPreferences).values(
      rows.map((r) => ({
        accountId: r.accountId,
        category: 'emergency',
        email: true,
        sms: true,
        push: false,
        inapp: false,
      })),
    );
  }
}

async function baseline(port: number, n: number): Promise<number> {
  const transporter = nodemailer.createTransport({
    url: `smtp://127.0.0.1:${port}`,
    pool: true,
    maxConnections: SMTP_CONNECTIONS,
    maxMessages: 1000,
  });
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: SMTP_CONNECTIONS }, async () => {
      while (next < n) {
        const i = next++;
        await transporter.sendMail(
          mailOptions({
            from: 'Civique <no-reply@civique.local>',
            to: `resident-${i}@example.test`,
            subject: 'ALERTE – Avis d’ébullition',
            text: 'Faites bouillir l’eau une minute avant de la boire.',
            html: '<p>Faites bouillir l’eau une minute avant de la boire.</p>',
          }),
        );
      }
    }),
  );
  const elapsed = performance.now() - started;
  transporter.close();
  return elapsed;
}

const smtp = await startSmtp();
const sms = await startSmsEndpoint();
const { database, label, drop } = await openFreshDatabase();
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
try {
  await runMigrations(database);
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    SMS_API_URL: sms.url,
    SMS_ACCOUNT_SID: 'ACbench',
    SMS_AUTH_TOKEN: 'bench-token',
    SMS_FROM: '+15555550100',
  });
  const jobs = new JobQueue(database);
  defineJobs({ config, database, jobs });
  await jobs.start();
  const db = database.db;
  const [org] = await db
    .insert(organisations)
    .values({
      slug: 'bench',
      kind: 'municipality',
      geoCode: '61025',
      nameFr: 'Banc d’essai',
      nameEn: 'Bench',
      refPrefix: 'BEN',
      branding: { primaryColor: '#004b87', accentColor: '#f2a900' },
    })
    .returning();
  if (!org) throw new Error('org');
  const seedStarted = performance.now();
  await seedResidents(db, org.id, COUNT);
  const seedMs = performance.now() - seedStarted;

  const baselineMs = await baseline(smtp.port, BASELINE);
  smtp.reset();

  const id = newId();
  const [row] = await db
    .insert(alerts)
    .values(
      scopeOf(org.id).rows({
        id,
        rootId: id,
        msgType: 'Alert' as const,
        status: 'Actual' as const,
        state: 'pending_approval' as const,
        eventCode: 'drinkingWate',
        urgency: 'Immediate' as const,
        severity: 'Severe' as const,
        certainty: 'Observed' as const,
        headlineFr: 'Avis d’ébullition – centre-ville',
        headlineEn: 'Boil-water advisory – downtown',
        descriptionFr: 'Bris d’aqueduc.',
        descriptionEn: 'Water main break.',
        instructionFr: 'Faites bouillir l’eau une minute avant de la boire.',
        instructionEn: 'Boil water for one minute before drinking.',
        areaDescFr: 'Centre-ville',
        areaDescEn: 'Downtown',
        area: { kind: 'circle', center: CENTRE, radiusKm: 2 },
        expiresAt: new Date(Date.now() + 86_400_000),
      }),
    )
    .returning();
  if (!row) throw new Error('alert');

  const started = performance.now();
  await jobs.startWorkers();
  const sent = await sendAlert({ db, jobs, publicUrl: config.publicUrl, row });
  const campaignId = sent.campaignId ?? '';
  const expected = COUNT * 2;
  let queuedMs = 0;
  let lastReport = 0;
  for (;;) {
    const now = performance.now();
    if (!queuedMs) {
      const [c] = await db
        .select()
        .from(notificationCampaigns)
        .where(eq(notificationCampaigns.id, campaignId));
      if (c && c.processed >= c.total && c.messages >= expected) queuedMs = now - started;
    }
    const [[e], [s]] = await Promise.all([
      db
        .select({ n: count() })
        .from(emailMessages)
        .where(and(eq(emailMessages.campaignId, campaignId), eq(emailMessages.status, 'sent'))),
      db
        .select({ n: count() })
        .from(notificationMessages)
        .where(and(eq(notificationMessages.campaignId, campaignId), eq(notificationMessages.status, 'sent'))),
    ]);
    const done =
      (e?.n ?? 0) >= COUNT && (s?.n ?? 0) >= COUNT && smtp.received() >= COUNT && sms.received() >= COUNT;
    if (done && queuedMs) break;
    if (now - lastReport > 5000) {
      process.stderr.write(
        `  … ${e?.n ?? 0} e-mails and ${s?.n ?? 0} texts sent; SMTP ${smtp.received()}, SMS endpoint ${sms.received()}\n`,
      );
      lastReport = now;
    }
    if (now - started > TIMEOUT_MS) throw new Error(`not delivered within ${TIMEOUT_MS / 60000} min`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const deliveredMs = performance.now() - started;
  await jobs.stop();
  const perMessage = deliveredMs / expected;
  const basePerMessage = baselineMs / BASELINE;
  console.log(`Emergency alert benchmark — ${label}, Node ${process.version}`);
  console.log(`recipients in the area:               ${sent.recipients} (seeded in ${seconds(seedMs)})`);
  console.log(`messages (e-mail + text):             ${expected}`);
  console.log(`time until every message is queued:   ${seconds(queuedMs)}`);
  console.log(
    `time until every message is received: ${seconds(deliveredMs)}  (SMTP ${smtp.received()}, SMS endpoint ${sms.received()})`,
  );
  console.log(
    `delivery rate:                        ${Math.round(expected / (deliveredMs / 1000))} messages/s`,
  );
  console.log(`baseline, nodemailer alone:           ${BASELINE} e-mails in ${seconds(baselineMs)}`);
  console.log(
    `per-message cost vs baseline:         ${perMessage.toFixed(3)} ms vs ${basePerMessage.toFixed(3)} ms → ratio ${(perMessage / basePerMessage).toFixed(2)}`,
  );
  report('alert', [
    { label: `alert to ${COUNT} recipients: all queued`, value: queuedMs / 1000, unit: 's' },
    {
      label: `alert to ${COUNT} recipients: all received (per message)`,
      value: perMessage,
      unit: 'ms',
      baseline: { label: 'nodemailer alone, per e-mail', value: basePerMessage },
    },
  ]);
} finally {
  await database.close();
  await drop();
  await smtp.close();
  await sms.close();
}

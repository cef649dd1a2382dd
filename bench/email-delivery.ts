import type { AddressInfo } from 'node:net';
import { count, eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../src/config.ts';
import '../src/features.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { defineJobs } from '../src/platform/jobs/define-jobs.ts';
import { JobQueue } from '../src/platform/jobs/queue.ts';
import { emailMessages } from '../src/platform/notify/schema.ts';
import { sendEmail } from '../src/platform/notify/send-email.ts';
import { defineEmailTemplate } from '../src/platform/notify/templates.ts';
import { mailOptions, SMTP_CONNECTIONS } from '../src/platform/notify/transport.ts';
import { openFreshDatabase } from './fresh-database.ts';
import { arg, report } from './support.ts';

const COUNT = arg('count', 10_000);
const BASELINE = arg('baseline', 1_000);
const TIMEOUT_MS = 30 * 60_000;

const NOTICE = defineEmailTemplate<{ n: number }>('bench.notice', {
  subject: (p, l) =>
    l === 'fr' ? `Avis no ${p.n} : collecte des feuilles` : `Notice #${p.n}: leaf collection`,
  text: (p, l) =>
    l === 'fr'
      ? `Bonjour,\n\nLa collecte des feuilles (avis no ${p.n}) a lieu lundi prochain. Déposez vos sacs en papier en bordure de rue avant 7 h.\n\nMerci de votre collaboration.`
      : `Hello,\n\nLeaf collection (notice #${p.n}) is next Monday. Put your paper bags at the curb before 7 a.m.\n\nThank you.`,
});

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
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received: () => received,
    reset: () => {
      received = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** nodemailer alone: the same pool and concurrency as the product's transport, no database, no queue. */
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
            subject: NOTICE,
            text: `Bonjour,\n\nLa collecte des feuilles (avis no ${i}) a lieu lundi prochain.`,
            html: `<p>Bonjour,</p><p>La collecte des feuilles (avis no ${i}) a lieu lundi prochain.</p>`,
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
const { database, label, drop } = await openFreshDatabase();
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
try {
  await runMigrations(database);
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
  });
  const jobs = new JobQueue(database);
  defineJobs({ config, database, jobs });
  await jobs.start();

  const baselineMs = await baseline(smtp.port, BASELINE);
  smtp.reset();

  const enqueueStarted = performance.now();
  for (let i = 0; i < COUNT; i++) {
    await sendEmail(
      { db: database.db, jobs },
      {
        to: `resident-${i}@example.test`,
        locale: i % 5 === 0 ? 'en' : 'fr',
        template: NOTICE,
        params: { n: i },
      },
    );
  }
  const enqueueMs = performance.now() - enqueueStarted;

  const deliverStarted = performance.now();
  await jobs.startWorkers();
  let sent = 0;
  let lastReport = 0;
  for (;;) {
    const [row] = await database.db
      .select({ n: count() })
      .from(emailMessages)
      .where(eq(emailMessages.status, 'sent'));
    sent = row?.n ?? 0;
    if (sent >= COUNT && smtp.received() >= COUNT) break;
    const now = performance.now();
    if (now - lastReport > 5000) {
      process.stderr.write(`  … ${sent} sent in the database, ${smtp.received()} received by SMTP\n`);
      lastReport = now;
    }
    if (now - deliverStarted > TIMEOUT_MS) throw new Error(`not delivered within ${TIMEOUT_MS / 60000} min`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const deliverMs = performance.now() - deliverStarted;
  await jobs.stop();

  const perMessage = deliverMs / COUNT;
  const basePerMessage = baselineMs / BASELINE;
  console.log(`E-mail delivery benchmark — ${label}, Node ${process.version}`);
  console.log(`messages:                          ${COUNT}`);
  console.log(
    `time to enqueue (sendEmail):       ${seconds(enqueueMs)}  (${Math.round(COUNT / (enqueueMs / 1000))} messages/s)`,
  );
  console.log(
    `time until all delivered:          ${seconds(deliverMs)}  (sent in the database and received by SMTP)`,
  );
  console.log(`delivery rate:                     ${Math.round(COUNT / (deliverMs / 1000))} messages/s`);
  console.log(`enqueue + delivery:                ${seconds(enqueueMs + deliverMs)}`);
  console.log(
    `baseline, nodemailer alone:        ${BASELINE} messages in ${seconds(baselineMs)}  (${Math.round(BASELINE / (baselineMs / 1000))} messages/s)`,
  );
  console.log(
    `per-message cost, delivery:        ${perMessage.toFixed(3)} ms vs ${basePerMessage.toFixed(3)} ms baseline → ratio ${(perMessage / basePerMessage).toFixed(2)}`,
  );
  console.log(
    `per-message cost, enqueue+deliver: ${((enqueueMs + deliverMs) / COUNT).toFixed(3)} ms → ratio ${((enqueueMs + deliverMs) / COUNT / basePerMessage).toFixed(2)}`,
  );
  report('email', [
    { label: `${COUNT} e-mails enqueued and delivered`, value: (enqueueMs + deliverMs) / 1000, unit: 's' },
    {
      label: 'per-message cost, enqueue + delivery',
      value: (enqueueMs + deliverMs) / COUNT,
      unit: 'ms',
      baseline: { label: 'nodemailer alone, per e-mail', value: basePerMessage },
    },
  ]);
} finally {
  await database.close();
  await drop();
  await smtp.close();
}

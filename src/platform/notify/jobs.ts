import { registerJobs } from '../jobs/define-jobs.ts';
import { deliverEmail } from './deliver-email.ts';
import { deliverPush } from './deliver-push.ts';
import { deliverSms } from './deliver-sms.ts';
import { PUSH_QUEUE, SMS_QUEUE } from './notify.ts';
import { CAMPAIGN_BATCH_QUEUE, runCampaignBatch } from './notify-many.ts';
import { smsStatusCallbackUrl } from './record-sms-status.ts';
import { EMAIL_QUEUE } from './send-email.ts';
import { bindNotifySettings } from './settings.ts';
import { createSmsProvider } from './sms-provider.ts';
import { createTransport, SMTP_CONNECTIONS } from './transport.ts';
import { vapidKeys } from './vapid.ts';

const retries = { retryLimit: 8, retryDelaySeconds: 15, retryBackoff: true } as const;

registerJobs(({ config, database, jobs }) => {
  bindNotifySettings(jobs, config);
  const db = database.db;
  // VAPID keys exist from the first start on, so browsers can subscribe before anything is sent.
  if (config.env !== 'test') void vapidKeys(db).catch(() => {});

  const transport = createTransport(config.smtpUrl);
  jobs.onStop(() => transport.close());
  // As many deliveries at once as there are pooled SMTP connections; a full batch fetches the next at once.
  jobs.define<{ messageId: string }>(
    EMAIL_QUEUE,
    (data) => deliverEmail({ db, transport, from: config.mailFrom, messageId: data.messageId }),
    { ...retries, concurrency: SMTP_CONNECTIONS },
    50,
  );

  const sms = createSmsProvider(config.sms);
  jobs.define<{ messageId: string }>(
    SMS_QUEUE,
    (data) =>
      deliverSms({
        db,
        provider: sms,
        statusCallback: smsStatusCallbackUrl(config.publicUrl),
        messageId: data.messageId,
      }),
    { ...retries, concurrency: 4 },
    20,
  );

  jobs.define<{ messageId: string }>(
    PUSH_QUEUE,
    (data) =>
      deliverPush({ db, publicUrl: config.publicUrl, mailFrom: config.mailFrom, messageId: data.messageId }),
    { ...retries, concurrency: 4 },
    20,
  );

  jobs.define<{ orgId: string; campaignId: string; accountIds: string[] }>(
    CAMPAIGN_BATCH_QUEUE,
    (data) => runCampaignBatch({ db, jobs, ...data }),
    { retryLimit: 5, retryDelaySeconds: 10, retryBackoff: true, expireInSeconds: 900 },
  );
});

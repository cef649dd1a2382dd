import { registerJobs } from '../jobs/define-jobs.ts';
import { deliverEmail } from './deliver-email.ts';
import { EMAIL_QUEUE } from './send-email.ts';
import { createTransport } from './transport.ts';

registerJobs(({ config, database, jobs }) => {
  const transport = createTransport(config.smtpUrl);
  jobs.define<{ messageId: string }>(
    EMAIL_QUEUE,
    (data) => deliverEmail({ db: database.db, transport, from: config.mailFrom, messageId: data.messageId }),
    { retryLimit: 8, retryDelaySeconds: 15, retryBackoff: true },
    10,
  );
});

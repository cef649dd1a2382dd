import { registerJobs } from '../../../platform/jobs/define-jobs.ts';
import { ADDRESS_BATCH_QUEUE, DUE_ISSUES_QUEUE, runAddressBatch, sendDueIssues } from './send-issue.ts';
import { purgeUnconfirmed } from './subscribe.ts';

/** The nightly erasure of subscriptions never confirmed. */
export const PURGE_UNCONFIRMED_QUEUE = 'citizen.newsletter-purge-unconfirmed';

registerJobs(({ config, database, jobs }) => {
  const db = database.db;
  const publicUrl = config.publicUrl;
  jobs.define<{ orgId: string; issueId: string; campaignId: string; subscriptionIds: string[] }>(
    ADDRESS_BATCH_QUEUE,
    async (data) => {
      await runAddressBatch({ db, jobs, publicUrl, ...data });
    },
    { retryLimit: 5, retryDelaySeconds: 30 },
  );
  jobs.define(DUE_ISSUES_QUEUE, async () => {
    await sendDueIssues({ db, jobs, publicUrl });
  });
  jobs.cron(DUE_ISSUES_QUEUE, '* * * * *');
  jobs.define(PURGE_UNCONFIRMED_QUEUE, async () => {
    await purgeUnconfirmed(db);
  });
  jobs.cron(PURGE_UNCONFIRMED_QUEUE, '17 3 * * *');
});

import { registerJobs } from '../jobs/define-jobs.ts';
import './emails.ts';
import './messages.ts';
import { INSTALMENTS_QUEUE, processDueInstalments } from './process-due-instalments.ts';

// Every morning in Quebec: reminders of second instalments and the sandbox's automatic charges.
registerJobs(({ config, database, jobs }) => {
  jobs.define(
    INSTALMENTS_QUEUE,
    async () => {
      await processDueInstalments({
        db: database.db,
        jobs,
        stripeConfig: config.stripe,
        publicUrl: config.publicUrl,
      });
    },
    { retryLimit: 3, retryDelaySeconds: 300 },
  );
  jobs.cron(INSTALMENTS_QUEUE, '0 7 * * *');
});

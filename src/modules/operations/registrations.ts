// Side effects of the operations data hub: messages, jobs (imports, alarm escalation, monthly reports),
// notification templates and demonstration content.
import { registerJobs } from '../../platform/jobs/define-jobs.ts';
import { registerDemoSeeder } from '../../platform/seed/seed-demo.ts';
import './data/messages.ts';
import { purgeExpiredReadings } from './data/purge-readings.ts';
import { READING_IMPORT_QUEUE, runReadingImport } from './data/run-reading-import.ts';
import { seedDemoOperations } from './demo.ts';
import './reports/messages.ts';
import { MONTHLY_REPORTS_QUEUE, queueMonthlyReports, REPORT_RUN_QUEUE, runReport } from './reports/runs.ts';
import { escalateAlarms } from './water/alarms.ts';
import './water/messages.ts';
import './water/notifications.ts';

const ALARM_ESCALATION_QUEUE = 'operations.alarm-escalation';
const READING_RETENTION_QUEUE = 'operations.reading-retention';

registerJobs(({ config, database, jobs }) => {
  jobs.define<{ orgId: string; importId: string }>(
    READING_IMPORT_QUEUE,
    (data) => runReadingImport({ db: database.db, jobs }, data),
    { retryLimit: 2, expireInSeconds: 3600 },
  );
  jobs.define(ALARM_ESCALATION_QUEUE, async () => {
    await escalateAlarms({ db: database.db, jobs });
  });
  jobs.cron(ALARM_ESCALATION_QUEUE, '* * * * *');
  jobs.define<{ orgId: string; runId: string }>(
    REPORT_RUN_QUEUE,
    (data) => runReport({ db: database.db, jobs, publicUrl: config.publicUrl }, data),
    { retryLimit: 3, expireInSeconds: 1800 },
  );
  jobs.define(MONTHLY_REPORTS_QUEUE, async () => {
    await queueMonthlyReports({ db: database.db, jobs });
  });
  // 06:00 on the 1st (Quebec time): the month past is complete, before staff arrive.
  jobs.cron(MONTHLY_REPORTS_QUEUE, '0 6 1 * *');
  jobs.define(READING_RETENTION_QUEUE, async () => {
    await purgeExpiredReadings(database.db);
  });
  jobs.cron(READING_RETENTION_QUEUE, '40 3 * * *');
});

registerDemoSeeder(seedDemoOperations);

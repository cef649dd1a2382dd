import { registerJobs } from '../jobs/define-jobs.ts';
import './emails.ts';
import './messages.ts';
import { purgeAuthRecords } from './purge-auth-records.ts';

/** The nightly clean-up of expired sessions, used codes and old sign-in failures. */
export const AUTH_PURGE_QUEUE = 'auth.purge';

registerJobs(({ database, jobs }) => {
  jobs.define(AUTH_PURGE_QUEUE, () => purgeAuthRecords({ db: database.db }), { retryLimit: 3 });
  jobs.cron(AUTH_PURGE_QUEUE, '17 3 * * *');
});

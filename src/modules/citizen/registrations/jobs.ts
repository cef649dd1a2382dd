import { registerJobs } from '../../../platform/jobs/define-jobs.ts';
import { onOrderStateChange } from '../../../platform/payments/hooks.ts';
import { registerModuleRoles } from '../../../platform/payments/policies.ts';
import './emails.ts';
import { expireHolds, expireOffers } from './expire.ts';
import './messages.ts';
import {
  CONFIRMATION_QUEUE,
  OFFER_NOTICE_QUEUE,
  queueConfirmation,
  sendConfirmation,
  sendOfferNotice,
  unsentConfirmations,
} from './notices.ts';
import { ORDER_MODULE } from './order-for.ts';
import { recreationOrderHandler } from './order-handler.ts';

/** The queue of the minute sweep: expired holds and offers, confirmations a lost job never sent. */
export const SWEEP_QUEUE = 'citizen.registrations-sweep';

registerModuleRoles(ORDER_MODULE, ['recreation']);

registerJobs(({ config, database, jobs }) => {
  const db = database.db;
  const unsubscribe = onOrderStateChange(ORDER_MODULE, recreationOrderHandler(jobs));
  jobs.onStop(unsubscribe);
  const publicUrl = config.publicUrl;

  jobs.define<{ orgId: string; orderId: string }>(
    CONFIRMATION_QUEUE,
    async (data) => {
      await sendConfirmation({ db, jobs, publicUrl, ...data });
    },
    { retryLimit: 5, retryDelaySeconds: 10 },
  );
  jobs.define<{ orgId: string; registrationId: string }>(
    OFFER_NOTICE_QUEUE,
    async (data) => {
      await sendOfferNotice({ db, jobs, publicUrl, ...data });
    },
    { retryLimit: 5, retryDelaySeconds: 10 },
  );
  jobs.define(
    SWEEP_QUEUE,
    async () => {
      await expireHolds({ db, jobs, stripeConfig: config.stripe });
      await expireOffers({ db, jobs });
      for (const o of await unsentConfirmations(db)) await queueConfirmation(jobs, o.orgId, o.orderId);
    },
    { retryLimit: 1, retryDelaySeconds: 30, expireInSeconds: 120 },
  );
  jobs.cron(SWEEP_QUEUE, '* * * * *');
});

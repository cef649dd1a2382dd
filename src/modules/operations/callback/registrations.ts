// Side effects of the call-back list: messages, notification templates, the offer-expiry jobs, demo data.
import { registerJobs } from '../../../platform/jobs/define-jobs.ts';
import { registerDemoSeeder } from '../../../platform/seed/seed-demo.ts';
import { seedDemoCallback } from './demo.ts';
import { expireDueOffers, expireOffer } from './expire-offers.ts';
import './messages.ts';
import './notifications.ts';
import { OFFER_EXPIRY_QUEUE } from './round.ts';

const SWEEP_QUEUE = 'callback.offer-sweep';

registerJobs(({ database, jobs, config }) => {
  const ctx = { db: database.db, jobs, publicUrl: config.publicUrl };
  // One delayed job per offer, due when its window ends.
  jobs.define<{ orgId: string; offerId: string }>(OFFER_EXPIRY_QUEUE, async (data) => {
    await expireOffer(ctx, { orgId: data.orgId, offerId: data.offerId });
  });
  // The safety net: an offer whose job was lost still closes within a minute.
  jobs.define(SWEEP_QUEUE, async () => {
    await expireDueOffers(ctx);
  });
  jobs.cron(SWEEP_QUEUE, '* * * * *');
});

registerDemoSeeder(async (db, orgIds, accountIds) => {
  await seedDemoCallback(db, orgIds, accountIds);
});

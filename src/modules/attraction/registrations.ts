// Side effects of the job portal: messages, notification templates, CV uploads, expiry/digest/recompute
// jobs and demonstration content.
import { eq } from 'drizzle-orm';
import { registerFileAccessPolicy, registerFilePurpose } from '../../platform/files/purposes.ts';
import { registerJobs } from '../../platform/jobs/define-jobs.ts';
import { organisations } from '../../platform/orgs/schema.ts';
import { registerDemoSeeder } from '../../platform/seed/seed-demo.ts';
import { CV_MAX_BYTES, CV_PURPOSE, cvAccessPolicy } from './candidates/cv.ts';
import { seedDemoJobs } from './demo.ts';
import { expireOffers } from './employers/expire-offers.ts';
import { recomputeAll, recomputeForOffer } from './matching/recompute.ts';
import { sendDigests } from './matching/send-digests.ts';
import './messages.ts';
import './notifications.ts';

const EXPIRE_QUEUE = 'attraction.offer-expiry';
const DIGEST_QUEUE = 'attraction.match-digest';
const RECOMPUTE_QUEUE = 'attraction.match-recompute';

registerFilePurpose(CV_PURPOSE, { types: ['pdf'], maxBytes: CV_MAX_BYTES });
registerFileAccessPolicy(CV_PURPOSE, cvAccessPolicy);

registerJobs(({ database, jobs, config }) => {
  const db = database.db;
  const mrcs = async () =>
    (await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, 'mrc'))).map(
      (o) => o.id,
    );
  jobs.define(EXPIRE_QUEUE, async () => {
    const { offers } = await expireOffers({ db });
    for (const o of offers) await recomputeForOffer(db, o.orgId, o.id);
  });
  jobs.cron(EXPIRE_QUEUE, '5 * * * *');
  jobs.define(DIGEST_QUEUE, async () => {
    for (const orgId of await mrcs()) await sendDigests({ db, jobs, publicUrl: config.publicUrl, orgId });
  });
  jobs.cron(DIGEST_QUEUE, '0 8 * * *');
  jobs.define(RECOMPUTE_QUEUE, async () => {
    for (const orgId of await mrcs()) await recomputeAll(db, orgId);
  });
  jobs.cron(RECOMPUTE_QUEUE, '30 3 * * *');
});

registerDemoSeeder(seedDemoJobs);

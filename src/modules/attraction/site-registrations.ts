// Side effects of the regional site (issue 12): messages, e-mail templates, the public image upload purpose
// and the demonstration content.
import { registerFilePurpose } from '../../platform/files/purposes.ts';
import { registerJobs } from '../../platform/jobs/define-jobs.ts';
import { registerDemoSeeder } from '../../platform/seed/seed-demo.ts';
import './contacts/emails.ts';
import { purgeAllContactData } from './contacts/purge.ts';
import { seedRegionSite } from './site/demo.ts';
import './site/messages.ts';
import { REGION_IMAGE_PURPOSE } from './site/save-page.ts';

registerFilePurpose(REGION_IMAGE_PURPOSE, { types: ['jpeg', 'png', 'webp'], maxBytes: 5 * 1024 * 1024 });
registerDemoSeeder(seedRegionSite);

const PURGE_QUEUE = 'region.contact-retention';
registerJobs(({ database, jobs }) => {
  jobs.define(PURGE_QUEUE, async () => {
    await purgeAllContactData(database.db);
  });
  jobs.cron(PURGE_QUEUE, '40 2 * * *');
});

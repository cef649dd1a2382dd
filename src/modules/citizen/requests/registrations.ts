// Side-effect registrations of requests to the city: messages, notification templates, the photo upload
// purpose and who may open photos, the public map layer, the overdue alerts and unused-photo purge jobs, and the
// demo content.
import './messages.ts';
import './notifications.ts';
import '../open311/messages.ts';
import { registerFileAccessPolicy, registerFilePurpose } from '../../../platform/files/purposes.ts';
import { registerMapLayer } from '../../../platform/geo/map-layers.ts';
import { registerJobs } from '../../../platform/jobs/define-jobs.ts';
import { registerDemoSeeder } from '../../../platform/seed/seed-demo.ts';
import { alertOverdueRequests } from './alert-overdue-requests.ts';
import { loadStatuses } from './context.ts';
import { seedRequests } from './demo.ts';
import { isRequestStaff } from './policies.ts';
import { publicFeatures } from './public-map.ts';
import { publicRequestsInBox } from './public-requests.ts';
import { purgeUnusedPhotos } from './purge-unused-photos.ts';
import { REQUEST_PHOTO } from './upload-request-photo.ts';

const OVERDUE_QUEUE = 'requests.overdue-alerts';
const PURGE_QUEUE = 'requests.photo-purge';

registerFilePurpose(REQUEST_PHOTO, { types: ['jpeg', 'png', 'webp'], maxBytes: 10 * 1024 * 1024 });
// Photos may show people and homes: the person who took them and the staff handling requests only
// (a guest's photos are opened through the links their request page signs).
registerFileAccessPolicy(
  REQUEST_PHOTO,
  (auth, file) => file.ownerAccountId === auth.account.id || isRequestStaff(auth, file.orgId),
);

registerMapLayer({
  id: 'requests',
  title: { fr: 'Requêtes citoyennes', en: 'Citizen requests' },
  query: async (db, orgId, bbox, limit) =>
    publicFeatures(
      await publicRequestsInBox(db, orgId, { bbox, limit }),
      await loadStatuses(db, orgId, { includeInactive: true }),
    ),
});

registerJobs(({ config, database, jobs }) => {
  jobs.define(OVERDUE_QUEUE, async () => {
    await alertOverdueRequests({ db: database.db, jobs });
  });
  jobs.cron(OVERDUE_QUEUE, '*/15 * * * *');
  jobs.define(PURGE_QUEUE, async () => {
    await purgeUnusedPhotos({ db: database.db, config });
  });
  jobs.cron(PURGE_QUEUE, '41 3 * * *');
});

registerDemoSeeder(seedRequests);

// Side-effect registrations of addresses and maps: the import job, its nightly purge, the address layer.
import { registerJobs } from '../jobs/define-jobs.ts';
import { findAddressesInBox } from './find-addresses-in-box.ts';
import { registerMapLayer } from './map-layers.ts';
import { purgeAddressImports } from './purge-address-imports.ts';
import { runAddressImport } from './run-address-import.ts';
import { ADDRESS_IMPORT_QUEUE } from './start-address-import.ts';

const PURGE_QUEUE = 'geo.address-import-purge';

registerJobs(({ database, jobs }) => {
  // No automatic retry: a failed import is marked failed and the person starts it again (rows already
  // written are upserted, so nothing doubles).
  jobs.define<{ orgId: string; importId: string }>(
    ADDRESS_IMPORT_QUEUE,
    (data) => runAddressImport({ db: database.db, orgId: data.orgId, importId: data.importId }),
    { retryLimit: 0, expireInSeconds: 3600 },
  );
  jobs.define(PURGE_QUEUE, async () => {
    await purgeAddressImports({ db: database.db });
  });
  jobs.cron(PURGE_QUEUE, '29 3 * * *');
});

registerMapLayer({
  id: 'addresses',
  title: { fr: 'Adresses', en: 'Addresses' },
  query: findAddressesInBox,
});

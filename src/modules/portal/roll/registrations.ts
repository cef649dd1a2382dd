// Side effects of the roll: the import job, the demonstration roll and the map layer of units.

import { registerMapLayer } from '../../../platform/geo/map-layers.ts';
import { registerJobs } from '../../../platform/jobs/define-jobs.ts';
import { findRollUnitsInBox } from './find-roll-units-in-box.ts';
import './messages.ts';
import { runRollImport } from './run-roll-import.ts';
import { ROLL_IMPORT_QUEUE } from './start-roll-import.ts';

registerJobs(({ database, jobs }) => {
  // A failed import is marked failed with its reason; staff start it again (no automatic retry).
  jobs.define<{ orgId: string; importId: string; path: string }>(
    ROLL_IMPORT_QUEUE,
    async (data) => {
      await runRollImport({ db: database.db, ...data });
    },
    { retryLimit: 0, expireInSeconds: 4 * 3600 },
  );
});

registerMapLayer({
  id: 'portal.roll',
  title: { fr: 'Rôle d’évaluation', en: 'Assessment roll' },
  query: findRollUnitsInBox,
});

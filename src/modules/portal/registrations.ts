// Side effects of the portal module: jobs, messages, e-mail templates, map layers and demonstration content.
import { registerDemoSeeder } from '../../platform/seed/seed-demo.ts';
import './maps/registrations.ts';
import { seedDemoMap } from './maps/seed-map.ts';
import './permits/registrations.ts';
import { seedDemoPermits } from './permits/seed-permits.ts';
import './roll/registrations.ts';
import { seedDemoRoll } from './roll/seed-roll.ts';

registerDemoSeeder(async (db, orgIds, accountIds) => {
  await seedDemoRoll(db, orgIds);
  await seedDemoPermits(db, orgIds, accountIds);
  await seedDemoMap(db, orgIds);
});

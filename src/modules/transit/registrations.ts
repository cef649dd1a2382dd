// Side effects of on-demand transit: messages, notification templates, staff roles for its orders and
// the demonstration content of Victoriaville's TaxiBus.
import { registerModuleRoles } from '../../platform/payments/policies.ts';
import { registerDemoSeeder } from '../../platform/seed/seed-demo.ts';
import { seedDemoTransit } from './demo.ts';
import './messages.ts';
import './notifications.ts';

registerModuleRoles('transit', ['transit_dispatch']);
registerDemoSeeder(seedDemoTransit);

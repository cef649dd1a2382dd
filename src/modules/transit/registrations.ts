// Side effects of on-demand transit: messages, notification templates, staff roles for its orders and
// the demonstration content of Victoriaville's TaxiBus.
import { onOrderStateChange } from '../../platform/payments/hooks.ts';
import { registerModuleRoles } from '../../platform/payments/policies.ts';
import { registerDemoSeeder } from '../../platform/seed/seed-demo.ts';
import { seedDemoTransit } from './demo.ts';
import { settleFareProductOrder } from './fares/settle-holding.ts';
import './messages.ts';
import './notifications.ts';

registerModuleRoles('transit', ['transit_dispatch']);
registerDemoSeeder(seedDemoTransit);
// Booklets, passes and memberships become usable when their order is paid (the only transit handler).
onOrderStateChange('transit.fare_product', settleFareProductOrder);

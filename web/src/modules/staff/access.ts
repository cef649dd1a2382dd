import type { Role } from '../../app/session.tsx';

// Who sees which shared back-office section; the server checks the same rules on every request
// (src/platform/payments/policies.ts, geo/policies.ts, notify/send-campaign.ts).

/** Staff who take payments and refund the orders of the modules they serve (treasury: all orders). */
const ORDER_ROLES: readonly Role[] = [
  'treasury',
  'recreation',
  'requests',
  'clerk',
  'urban_planning',
  'operations',
  'public_works',
  'transit_dispatch',
  'attraction',
];

const any = (roles: readonly Role[], wanted: readonly Role[]) =>
  roles.includes('admin') || roles.some((r) => wanted.includes(r));

/** The shared sections one person may open in an organisation. */
export function sharedSections(roles: readonly Role[]) {
  return {
    orders: any(roles, ORDER_ROLES),
    reconciliation: any(roles, ['treasury']),
    paymentSettings: any(roles, ['treasury']),
    stripeKeys: roles.includes('admin'),
    campaigns: roles.includes('admin'),
    addresses: any(roles, ['urban_planning', 'public_works']),
  };
}
export type SharedSection = keyof ReturnType<typeof sharedSections>;

/** The address of each shared section under an organisation's back-office. */
export const SECTION_PATHS = {
  orders: 'orders',
  reconciliation: 'reconciliation',
  paymentSettings: 'payment-settings',
  campaigns: 'campaigns',
  addresses: 'addresses',
} as const satisfies Partial<Record<SharedSection, string>>;

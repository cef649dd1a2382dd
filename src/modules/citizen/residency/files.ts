import { hasRole } from '../../../platform/auth/policies.ts';
import { registerFileAccessPolicy, registerFilePurpose } from '../../../platform/files/purposes.ts';

/** The upload purpose of a proof of residency (a lease, a bill, a tax account). */
export const RESIDENCY_PROOF = 'residency-proof';

registerFilePurpose(RESIDENCY_PROOF, { types: ['pdf', 'jpeg', 'png', 'webp'], maxBytes: 10 * 1024 * 1024 });

// The person who uploaded it, and the town's staff who check residency (recreation, clerk) — not every
// staff member of the town: a proof of address is personal.
registerFileAccessPolicy(
  RESIDENCY_PROOF,
  (auth, file) =>
    file.ownerAccountId === auth.account.id || hasRole(auth, file.orgId, ['recreation', 'clerk']),
);

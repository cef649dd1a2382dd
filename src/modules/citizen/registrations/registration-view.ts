import type { RegistrationRow } from './schema.ts';

/** A registration as the API shows it. */
export interface RegistrationView {
  id: string;
  orgId: string;
  activityId: string;
  personId: string;
  givenName: string;
  familyName: string;
  status: RegistrationRow['status'];
  waitlistPosition: number | null;
  priceCategory: RegistrationRow['priceCategory'];
  listPriceCents: number;
  discountPercent: number;
  amountCents: number;
  orderId: string | null;
  holdExpiresAt: string | null;
  offerExpiresAt: string | null;
  confirmedAt: string | null;
  cancelledAt: string | null;
  refundCents: number | null;
  source: RegistrationRow['source'];
  createdAt: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Shapes a registration row for the API. */
export function registrationView(r: RegistrationRow): RegistrationView {
  return {
    id: r.id,
    orgId: r.orgId,
    activityId: r.activityId,
    personId: r.personId,
    givenName: r.givenName,
    familyName: r.familyName,
    status: r.status,
    waitlistPosition: r.waitlistPosition,
    priceCategory: r.priceCategory,
    listPriceCents: r.listPriceCents,
    discountPercent: r.discountPercent,
    amountCents: r.amountCents,
    orderId: r.orderId,
    holdExpiresAt: iso(r.holdExpiresAt),
    offerExpiresAt: iso(r.offerExpiresAt),
    confirmedAt: iso(r.confirmedAt),
    cancelledAt: iso(r.cancelledAt),
    refundCents: r.refundCents,
    source: r.source,
    createdAt: r.createdAt.toISOString(),
  };
}

import type { ActivityRow, SeasonRow, WeeklySlot } from './schema.ts';

/** An activity as the API shows it (public catalogue and staff alike). */
export interface ActivityView {
  id: string;
  orgId: string;
  town: { slug: string; name: { fr: string; en: string } };
  season: { id: string; name: { fr: string; en: string } };
  code: string;
  category: ActivityRow['category'];
  title: { fr: string; en: string };
  description: { fr: string; en: string };
  facility: string;
  instructor: string | null;
  schedule: WeeklySlot[];
  startsOn: string;
  endsOn: string;
  minAge: number | null;
  maxAge: number | null;
  ageReferenceDate: string;
  capacity: number;
  placesLeft: number;
  waitlistCount: number;
  prices: { residentCents: number; partnerCents: number; nonResidentCents: number };
  allowInstalments: boolean;
  cancellation: { fullRefundDaysBefore: number; refundPercentAfter: number; feeCents: number };
  windows: { residentOpensAt: string; nonResidentOpensAt: string; closesAt: string };
  status: ActivityRow['status'];
}

/** Shapes an activity with its season and town. */
export function activityView(
  a: ActivityRow,
  s: SeasonRow,
  town: { slug: string; nameFr: string; nameEn: string },
  waitlistCount: number,
): ActivityView {
  return {
    id: a.id,
    orgId: a.orgId,
    town: { slug: town.slug, name: { fr: town.nameFr, en: town.nameEn } },
    season: { id: s.id, name: { fr: s.nameFr, en: s.nameEn } },
    code: a.code,
    category: a.category,
    title: { fr: a.titleFr, en: a.titleEn },
    description: { fr: a.descriptionFr, en: a.descriptionEn },
    facility: a.facility,
    instructor: a.instructor,
    schedule: a.schedule,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    minAge: a.minAge,
    maxAge: a.maxAge,
    ageReferenceDate: a.ageReferenceDate,
    capacity: a.capacity,
    placesLeft: Math.max(0, a.capacity - a.taken),
    waitlistCount,
    prices: {
      residentCents: a.priceResidentCents,
      partnerCents: a.pricePartnerCents,
      nonResidentCents: a.priceNonResidentCents,
    },
    allowInstalments: a.allowInstalments,
    cancellation: {
      fullRefundDaysBefore: a.refundFullDaysBefore,
      refundPercentAfter: a.refundPercentAfter,
      feeCents: a.cancellationFeeCents,
    },
    windows: {
      residentOpensAt: s.residentOpensAt.toISOString(),
      nonResidentOpensAt: s.nonResidentOpensAt.toISOString(),
      closesAt: s.closesAt.toISOString(),
    },
    status: a.status,
  };
}

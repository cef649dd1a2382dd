import type { ConsultationRow, consultationMeetings, contributions } from './schema.ts';

/** The API shape of a consultation row. */
export function toConsultationView(row: ConsultationRow, now = new Date()) {
  return {
    id: row.id,
    title: { fr: row.titleFr, en: row.titleEn },
    context: { fr: row.contextFr, en: row.contextEn },
    documents: row.documents,
    phases: row.phases.map((p) => ({
      ...p,
      current: p.startsOn <= now.toISOString().slice(0, 10) && now.toISOString().slice(0, 10) <= p.endsOn,
    })),
    surveyId: row.surveyId,
    state: !row.publishedAt ? ('draft' as const) : row.closedAt ? ('closed' as const) : ('open' as const),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    closingSummary: row.closingSummaryFr
      ? { fr: row.closingSummaryFr, en: row.closingSummaryEn ?? '' }
      : null,
  };
}

/** A meeting as shown: seats left, not who registered. */
export function toMeetingView(row: typeof consultationMeetings.$inferSelect, mine: boolean) {
  return {
    id: row.id,
    title: { fr: row.titleFr, en: row.titleEn },
    place: row.place,
    startsAt: row.startsAt.toISOString(),
    capacity: row.capacity,
    seatsLeft: row.capacity - row.registered,
    registered: mine,
  };
}

/** A contribution as the public sees it: a hidden one keeps its place and shows the moderation reason. */
export function toContributionView(row: typeof contributions.$inferSelect, supported: boolean) {
  const hidden = row.status === 'hidden';
  return {
    id: row.id,
    kind: row.kind,
    parentId: row.parentId,
    authorName: hidden ? '' : row.authorName,
    title: hidden ? null : row.title,
    body: hidden ? '' : row.body,
    hidden,
    moderationReason: hidden ? row.moderationReason : null,
    supports: row.supports,
    supported,
    createdAt: row.createdAt.toISOString(),
  };
}

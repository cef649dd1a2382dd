import type { SurveyRow } from './schema.ts';

/** A survey as the API returns it. */
export type SurveyView = ReturnType<typeof toSurveyView>;

/** Where a survey stands at a moment: not yet published, published but not open, open, closed. */
export function surveyState(row: SurveyRow, now = new Date()): 'draft' | 'scheduled' | 'open' | 'closed' {
  if (!row.publishedAt) return 'draft';
  if (now < row.opensAt) return 'scheduled';
  if (now >= row.closesAt) return 'closed';
  return 'open';
}

/** The API shape of a survey row. */
export function toSurveyView(
  row: SurveyRow,
  extra: { answered?: boolean; eligible?: boolean; responses?: number } = {},
) {
  return {
    id: row.id,
    orgId: row.orgId,
    title: { fr: row.titleFr, en: row.titleEn },
    intro: { fr: row.introFr, en: row.introEn },
    questions: row.questions,
    audience: row.audience,
    segmentPostalPrefixes: row.segmentPostalPrefixes,
    anonymous: row.anonymous,
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    resultsPublishedAt: row.resultsPublishedAt?.toISOString() ?? null,
    consultationId: row.consultationId ?? null,
    state: surveyState(row),
    ...extra,
  };
}

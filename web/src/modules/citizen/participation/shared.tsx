import type { ApiData, ApiPaths } from '../../../app/api.ts';

export { useBi, useTown } from '../recreation/shared.tsx';

export type Survey = ApiData<'/api/orgs/{orgId}/citizen/surveys/{id}', 'get'>;
export type Question = Survey['questions'][number];
export type SurveyResults = ApiData<'/api/orgs/{orgId}/citizen/surveys/{id}/results', 'get'>;
export type AlertItem = ApiData<'/api/orgs/{orgId}/citizen/alerts/active', 'get'>['items'][number];
export type NewsletterList = ApiData<'/api/orgs/{orgId}/citizen/newsletters', 'get'>['items'][number];
export type Issue = ApiData<'/api/orgs/{orgId}/citizen/newsletters/archive/{id}', 'get'>;

/** Which questions show, given the answers so far (same rule as the server: earlier choices only). */
export function visibleQuestions(
  questions: readonly Question[],
  answers: Record<string, unknown>,
): Question[] {
  const shown = new Set<string>();
  const out: Question[] = [];
  for (const q of questions) {
    if (q.showIf) {
      if (!shown.has(q.showIf.question)) continue;
      const v = answers[q.showIf.question];
      const chosen = typeof v === 'string' ? [v] : Array.isArray(v) ? (v as string[]) : [];
      if (!q.showIf.anyOf.some((k) => chosen.includes(k))) continue;
    }
    shown.add(q.key);
    out.push(q);
  }
  return out;
}

/** The JSON body an operation takes. */
export type ApiBody<P extends keyof ApiPaths, M extends 'post' | 'put'> =
  ApiPaths[P] extends Record<M, { requestBody?: { content: { 'application/json': infer T } } }> ? T : never;

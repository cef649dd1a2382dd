// Ranking many candidates for one offer with the pure score: the number alone for every pair, the
// factors (reasons) only for the pairs kept.
import {
  type CandidateFacts,
  isMatchValue,
  type MatchScore,
  type OfferFacts,
  type PreparedCandidate,
  prepareCandidate,
  prepareOffer,
  scoreMatch,
  scoreValue,
} from './score.ts';

/** Candidates prepared once for ranking against many offers. */
export function prepareCandidates<T extends { id: string; facts: CandidateFacts }>(
  list: readonly T[],
): Array<T & { prepared: PreparedCandidate }> {
  return list.map((c) => ({ ...c, prepared: prepareCandidate(c.facts) }));
}

/** The best `limit` candidates of one offer, best first (ties broken by id, for determinism), scores only. */
export function rankCandidates<T extends { id: string; prepared: PreparedCandidate }>(
  offer: OfferFacts,
  candidates: readonly T[],
  today: string,
  limit: number,
): Array<{ candidate: T; score: number }> {
  const po = prepareOffer(offer, today);
  const out: Array<{ candidate: T; score: number }> = [];
  for (const c of candidates) {
    if (!c.prepared.broads.has(po.broad)) continue;
    const score = scoreValue(c.prepared, po);
    if (isMatchValue(c.prepared, po, score)) out.push({ candidate: c, score });
  }
  out.sort((a, b) => b.score - a.score || (a.candidate.id < b.candidate.id ? -1 : 1));
  return out.slice(0, limit);
}

/** The same ranking with each kept pair's factors (for reasons), from `scoreMatch`. */
export function topCandidates<T extends { id: string; facts: CandidateFacts; prepared: PreparedCandidate }>(
  offer: OfferFacts,
  candidates: readonly T[],
  today: string,
  limit: number,
): Array<{ candidate: T; result: MatchScore }> {
  return rankCandidates(offer, candidates, today, limit).map((r) => ({
    candidate: r.candidate,
    result: scoreMatch(r.candidate.facts, offer, today),
  }));
}

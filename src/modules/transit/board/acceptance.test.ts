import { describe, expect, it } from 'vitest';
import { acceptanceByDay, acceptanceRate } from './acceptance.ts';

describe('acceptance rate', () => {
  it('is accepted requests over all requests, null without requests', () => {
    expect(acceptanceRate(3, 4)).toBe(0.75);
    expect(acceptanceRate(0, 2)).toBe(0);
    expect(acceptanceRate(0, 0)).toBeNull();
  });

  it('counts each day apart; alternatives and refusals are not acceptances', () => {
    const days = acceptanceByDay([
      { serviceDate: '2026-11-27', outcome: 'accepted' },
      { serviceDate: '2026-11-27', outcome: 'alternatives' },
      { serviceDate: '2026-11-27', outcome: 'accepted' },
      { serviceDate: '2026-11-27', outcome: 'refused' },
      { serviceDate: '2026-11-28', outcome: 'refused' },
    ]);
    expect(days.get('2026-11-27')).toEqual({
      requests: 4,
      accepted: 2,
      alternativesOffered: 1,
      refused: 1,
      acceptanceRate: 0.5,
    });
    expect(days.get('2026-11-28')).toMatchObject({ requests: 1, accepted: 0, acceptanceRate: 0 });
    expect(days.size).toBe(2);
  });
});

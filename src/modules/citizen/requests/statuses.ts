import type { Bilingual } from '../../../platform/http/locale.ts';

// The life of a request. Custom statuses of an organisation refine one of these phases ("waiting for the
// contractor" is in progress), so targets, reopening and Open311's open/closed stay well defined.

/** The built-in statuses, in the order a request goes through them. */
export const PHASES = ['submitted', 'acknowledged', 'in_progress', 'resolved', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

/** Names of the built-in statuses. */
export const PHASE_LABELS: Record<Phase, Bilingual> = {
  submitted: { fr: 'Soumise', en: 'Submitted' },
  acknowledged: { fr: 'Prise en charge', en: 'Acknowledged' },
  in_progress: { fr: 'En cours', en: 'In progress' },
  resolved: { fr: 'Résolue', en: 'Resolved' },
  closed: { fr: 'Fermée', en: 'Closed' },
};

/** Whether a text names a built-in status. */
export function isPhase(value: string): value is Phase {
  return (PHASES as readonly string[]).includes(value);
}

/** Phases in which work is still expected. */
export const OPEN_PHASES: readonly Phase[] = ['submitted', 'acknowledged', 'in_progress'];

/** Whether a request in this phase still waits for the city. */
export function isOpenPhase(phase: Phase): boolean {
  return OPEN_PHASES.includes(phase);
}

/** Open311 knows two states: resolved and closed requests are `closed`, the others `open`. */
export function open311Status(phase: Phase): 'open' | 'closed' {
  return isOpenPhase(phase) ? 'open' : 'closed';
}

/** A status as shown: its code, phase and name in both languages. */
export interface StatusView {
  /** The row of a custom status (null for built-in ones). */
  id: string | null;
  code: string;
  phase: Phase;
  label: Bilingual;
  custom: boolean;
}

/** The label of a status code among an organisation's statuses (built-in ones as a fallback). */
export function statusLabel(
  code: string,
  custom: ReadonlyArray<{ code: string; label: Bilingual }>,
): Bilingual {
  const own = custom.find((s) => s.code === code);
  if (own) return own.label;
  return isPhase(code) ? PHASE_LABELS[code] : { fr: code, en: code };
}

// The life of a permit application or work declaration: which action leads from which step to which.
// Pure, so every move is tested; use cases apply it inside a row lock.

/** Every step of a file. */
export const PERMIT_STATUSES = [
  'draft',
  'awaiting_payment',
  'submitted',
  'info_requested',
  'under_review',
  'inspection_scheduled',
  'issued',
  'refused',
  'final_inspection_scheduled',
  'closed',
  'expired',
  'withdrawn',
  'acknowledged',
] as const;
export type PermitStatus = (typeof PERMIT_STATUSES)[number];

/** Who acts: the applicant, staff, or the system (payment, expiry). */
export type Actor = 'applicant' | 'staff' | 'system';

/** Every action on a file. */
export const PERMIT_ACTIONS = [
  'submit',
  'pay',
  'withdraw',
  'mark_complete',
  'request_info',
  'answer_info',
  'schedule_inspection',
  'approve',
  'refuse',
  'schedule_final_inspection',
  'close',
  'expire',
] as const;
export type PermitAction = (typeof PERMIT_ACTIONS)[number];

/** What a file is: a permit needs a decision; a declaration is acknowledged at once. */
export type FileKind = 'permit' | 'declaration';

const ACTORS: Record<PermitAction, Actor> = {
  submit: 'applicant',
  pay: 'system',
  withdraw: 'applicant',
  mark_complete: 'staff',
  request_info: 'staff',
  answer_info: 'applicant',
  schedule_inspection: 'staff',
  approve: 'staff',
  refuse: 'staff',
  schedule_final_inspection: 'staff',
  close: 'staff',
  expire: 'system',
};

/** The context a move depends on. */
export interface MoveContext {
  kind: FileKind;
  /** The fee still to pay when submitting. */
  feeCents: number;
}

/**
 * The step an action leads to, or null when it is not allowed from this step for this actor. Submitting
 * a file with a fee waits for payment; a paid (or free) declaration is acknowledged at once.
 */
export function nextStatus(
  from: PermitStatus,
  action: PermitAction,
  actor: Actor,
  context: MoveContext,
): PermitStatus | null {
  if (ACTORS[action] !== actor) return null;
  const received: PermitStatus = context.kind === 'declaration' ? 'acknowledged' : 'submitted';
  switch (action) {
    case 'submit':
      return from === 'draft' ? (context.feeCents > 0 ? 'awaiting_payment' : received) : null;
    case 'pay':
      return from === 'awaiting_payment' ? received : null;
    case 'withdraw':
      return ['draft', 'awaiting_payment', 'submitted', 'info_requested', 'under_review'].includes(from)
        ? 'withdrawn'
        : null;
    case 'mark_complete':
      return from === 'submitted' && context.kind === 'permit' ? 'under_review' : null;
    case 'request_info':
      return ['submitted', 'under_review', 'inspection_scheduled'].includes(from) ? 'info_requested' : null;
    case 'answer_info':
      return from === 'info_requested' ? 'submitted' : null;
    case 'schedule_inspection':
      return from === 'under_review' || from === 'inspection_scheduled' ? 'inspection_scheduled' : null;
    case 'approve':
      return from === 'under_review' || from === 'inspection_scheduled' ? 'issued' : null;
    case 'refuse':
      // Also while waiting for an answer that never comes.
      return ['submitted', 'info_requested', 'under_review', 'inspection_scheduled'].includes(from)
        ? 'refused'
        : null;
    case 'schedule_final_inspection':
      return from === 'issued' || from === 'final_inspection_scheduled' ? 'final_inspection_scheduled' : null;
    case 'close':
      return ['issued', 'final_inspection_scheduled', 'acknowledged'].includes(from) ? 'closed' : null;
    case 'expire':
      return from === 'issued' ? 'expired' : null;
  }
}

/** The actions an actor may take from a step (what the interface offers). */
export function allowedActions(from: PermitStatus, actor: Actor, context: MoveContext): PermitAction[] {
  return PERMIT_ACTIONS.filter((a) => nextStatus(from, a, actor, context) !== null);
}

/** Whether the legal clock runs while a file is at this step (it stops while waiting for the applicant). */
export function clockRuns(status: PermitStatus): boolean {
  return status === 'submitted' || status === 'under_review' || status === 'inspection_scheduled';
}

/** Steps where a decision is still to come (dashboards of files in progress). */
export const OPEN_STATUSES: readonly PermitStatus[] = [
  'submitted',
  'info_requested',
  'under_review',
  'inspection_scheduled',
];

/** The clock's periods from a file's history of steps (oldest first). */
export function clockPeriods(
  history: ReadonlyArray<{ status: PermitStatus; at: Date }>,
): Array<{ from: Date; to: Date | null }> {
  const periods: Array<{ from: Date; to: Date | null }> = [];
  let open: Date | null = null;
  for (const step of history) {
    if (clockRuns(step.status)) {
      open ??= step.at;
    } else if (open) {
      periods.push({ from: open, to: step.at });
      open = null;
    }
  }
  if (open) periods.push({ from: open, to: null });
  return periods;
}

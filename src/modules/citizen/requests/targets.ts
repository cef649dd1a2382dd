import { dueAfterBusinessDays } from './business-days.ts';

/** When a request falls due under its category's targets, counted from when it was confirmed. */
export function dueDates(
  category: { ackDays: number | null; resolveDays: number | null },
  from: Date,
): { ackDueAt: Date | null; resolveDueAt: Date | null } {
  return {
    ackDueAt: category.ackDays === null ? null : dueAfterBusinessDays(from, category.ackDays),
    resolveDueAt: category.resolveDays === null ? null : dueAfterBusinessDays(from, category.resolveDays),
  };
}

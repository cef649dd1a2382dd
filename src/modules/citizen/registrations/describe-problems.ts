import { AppError, renderMessage } from '../../../platform/http/errors.ts';
import type { CartItem } from './check-out.ts';
import type { Problem } from './eligibility.ts';

/**
 * One error for a cart's problems: the problem's own code when there is one (`registration.too_young`),
 * else `registration.cart_invalid`; `details.items` names each line and its message, so the person sees
 * every problem at once next to the line it concerns, and keeps their cart.
 */
export function describeProblems(
  problems: Array<{ index: number; problem: Problem }>,
  items: CartItem[],
  locale: 'fr' | 'en',
): AppError {
  const details = {
    items: problems.map(({ index, problem }) => ({
      index,
      activityId: items[index]?.activityId ?? '',
      personId: items[index]?.personId ?? '',
      code: problem.code,
      message: renderMessage(problem.code, locale, problem.params),
    })),
  };
  const first = problems[0];
  if (problems.length === 1 && first)
    return new AppError(first.problem.code, first.problem.status, { params: first.problem.params, details });
  const status = problems.every((p) => p.problem.status === 409) ? 409 : 422;
  return new AppError('registration.cart_invalid', status, { details });
}

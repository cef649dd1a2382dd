import type { Executor } from '../db/client.ts';
import type { OrderStatus } from './schema.ts';

/** What a module learns when one of its orders changes state (paid, refunded, cancelled …). */
export interface OrderStateChange {
  /** The transaction that changes the order: the module's own writes commit or roll back with it. */
  db: Executor;
  orgId: string;
  orderId: string;
  reference: string;
  accountId: string | null;
  from: OrderStatus;
  to: OrderStatus;
  paidCents: number;
  refundedCents: number;
  totalCents: number;
  /** True when no real money moved (sandbox or Stripe test keys): modules must not treat it as revenue. */
  testMode: boolean;
  /** The order's lines that belong to the module the handler was registered for. */
  lines: Array<{ id: string; module: string; reference: string; totalCents: number }>;
}

/** A module's reaction to a change of one of its orders; throwing rolls the whole change back. */
export type OrderStateHandler = (change: OrderStateChange) => Promise<void>;

const handlers: Array<{ module: string; handler: OrderStateHandler }> = [];

/**
 * Registers a module's handler, called inside the transaction that changes the state of any order
 * with a line of that module (`citizen` matches `citizen.registration`). Returns an unsubscribe.
 */
export function onOrderStateChange(module: string, handler: OrderStateHandler): () => void {
  const entry = { module, handler };
  handlers.push(entry);
  return () => {
    const i = handlers.indexOf(entry);
    if (i >= 0) handlers.splice(i, 1);
  };
}

function belongsTo(lineModule: string, module: string): boolean {
  return lineModule === module || lineModule.startsWith(`${module}.`);
}

/** Calls the handlers of every module with a line in the order (payments internals only). */
export async function emitOrderStateChange(
  change: Omit<OrderStateChange, 'lines'> & { lines: OrderStateChange['lines'] },
): Promise<void> {
  for (const { module, handler } of [...handlers]) {
    const lines = change.lines.filter((l) => belongsTo(l.module, module));
    if (lines.length > 0) await handler({ ...change, lines });
  }
}

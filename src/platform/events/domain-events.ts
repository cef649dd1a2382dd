// In-process domain events between modules: a module publishes a fact, others subscribe, neither imports
// the other (DESIGN.md: "what two modules share … passes through an event"). The publisher hands over
// the process's dependencies (database, jobs, configuration), so a subscriber can act on the fact (write
// its own rows, queue jobs) without importing the publisher's module or holding global state.
import type { PlatformDeps } from '../deps.ts';

/** Events the product knows, with their payloads. Append as modules need them. */
export interface DomainEvents {
  /** Drinking water must be boiled (or the notice is lifted) in an organisation: the citizen module may alert residents. */
  'water.boil_water_advisory': {
    orgId: string;
    advisoryId: string;
    state: 'issued' | 'lifted';
    stationName: { fr: string; en: string };
    reason: { fr: string; en: string };
    at: string;
    /** The staff member who took the step (null when the system did). */
    actorAccountId: string | null;
  };
}

type Handler<K extends keyof DomainEvents> = (
  payload: DomainEvents[K],
  deps: PlatformDeps,
) => Promise<void> | void;
const handlers = new Map<keyof DomainEvents, Array<Handler<never>>>();

/** Subscribes to an event (at import time, in a feature's registrations). */
export function onDomainEvent<K extends keyof DomainEvents>(name: K, handler: Handler<K>): void {
  handlers.set(name, [...(handlers.get(name) ?? []), handler as Handler<never>]);
}

/**
 * Publishes an event to every subscriber with the publisher's dependencies, one after the other; a
 * failing subscriber does not stop the others (its error is in the results).
 */
export async function publishDomainEvent<K extends keyof DomainEvents>(
  deps: PlatformDeps,
  name: K,
  payload: DomainEvents[K],
): Promise<Array<{ ok: boolean; error?: string }>> {
  const results: Array<{ ok: boolean; error?: string }> = [];
  for (const handler of handlers.get(name) ?? []) {
    try {
      await (handler as Handler<K>)(payload, deps);
      results.push({ ok: true });
    } catch (error) {
      results.push({ ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}

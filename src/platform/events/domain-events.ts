// In-process domain events between modules: a module publishes a fact, others subscribe, neither imports
// the other (DESIGN.md: "what two modules share … passes through an event").

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
  };
}

type Handler<K extends keyof DomainEvents> = (payload: DomainEvents[K]) => Promise<void> | void;
const handlers = new Map<keyof DomainEvents, Array<Handler<never>>>();

/** Subscribes to an event (at import time, in a feature's registrations). */
export function onDomainEvent<K extends keyof DomainEvents>(name: K, handler: Handler<K>): void {
  handlers.set(name, [...(handlers.get(name) ?? []), handler as Handler<never>]);
}

/** Publishes an event to every subscriber, one after the other; a failing subscriber does not stop the others. */
export async function publishDomainEvent<K extends keyof DomainEvents>(
  name: K,
  payload: DomainEvents[K],
): Promise<Array<{ ok: boolean; error?: string }>> {
  const results: Array<{ ok: boolean; error?: string }> = [];
  for (const handler of handlers.get(name) ?? []) {
    try {
      await (handler as Handler<K>)(payload);
      results.push({ ok: true });
    } catch (error) {
      results.push({ ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}

// In-process fan-out of live transit events (vehicle positions, trip changes) to Server-Sent Events
// subscribers. One listener set per organisation; a slow subscriber is dropped by its own stream, never
// blocking the publisher. Several server processes would bridge this through PostgreSQL LISTEN/NOTIFY.
import { EventEmitter } from 'node:events';

export type LiveEvent =
  | {
      type: 'position';
      vehicleId: string;
      latitude: number;
      longitude: number;
      bearing: number | null;
      speedKmh: number | null;
      at: string;
    }
  | { type: 'trip'; tripId: string; vehicleId: string | null; status: string };

const emitter = new EventEmitter();
emitter.setMaxListeners(0);

/** Publishes an event to the organisation's live subscribers. */
export function publishLive(orgId: string, event: LiveEvent): void {
  emitter.emit(orgId, event);
}

/** Subscribes to an organisation's live events; returns the unsubscribe. */
export function subscribeLive(orgId: string, listener: (event: LiveEvent) => void): () => void {
  emitter.on(orgId, listener);
  return () => emitter.off(orgId, listener);
}

/** Number of live subscribers of an organisation (metrics, tests). */
export function liveSubscribers(orgId: string): number {
  return emitter.listenerCount(orgId);
}

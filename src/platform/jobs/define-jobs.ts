import type { PlatformDeps } from '../deps.ts';

/** A feature's job declarations: queues, handlers and schedules. */
export type JobDefiner = (deps: PlatformDeps) => void;
const definers: JobDefiner[] = [];

/** Registers a feature's jobs (called at import time by the feature's jobs.ts). */
export function registerJobs(definer: JobDefiner): void {
  definers.push(definer);
}

/** Declares every registered feature's jobs on the queue. */
export function defineJobs(deps: PlatformDeps): void {
  for (const define of definers) define(deps);
}

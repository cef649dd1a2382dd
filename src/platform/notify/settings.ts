import type { Config } from '../../config.ts';
import type { JobQueue } from '../jobs/queue.ts';

/** What rendering a notification needs from the installation's configuration. */
export interface NotifySettings {
  /** Absolute links (unsubscribe, inbox) start with this. */
  publicUrl: string;
}

// Bound when the process declares its jobs (every process that can send does), so that modules call
// notify({ db, jobs }, …) without threading the configuration through every use case.
const byQueue = new WeakMap<JobQueue, NotifySettings>();

/** Binds the configuration's notification settings to a job queue (done by notify's job definitions). */
export function bindNotifySettings(jobs: JobQueue, config: Pick<Config, 'publicUrl'>): void {
  byQueue.set(jobs, { publicUrl: config.publicUrl });
}

/** The notification settings of a queue's process. */
export function notifySettings(jobs: JobQueue): NotifySettings {
  const settings = byQueue.get(jobs);
  if (!settings) throw new Error('notify settings missing: defineJobs() was not called for this job queue');
  return settings;
}

/** The settings when bound, for paths that also run without (plain e-mail queued inside a transaction). */
export function maybeNotifySettings(jobs: JobQueue | undefined): NotifySettings | undefined {
  return jobs ? byQueue.get(jobs) : undefined;
}

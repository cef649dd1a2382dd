/** The states a job goes through in pg-boss. */
export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** A job as the back-office shows it. */
export interface JobView {
  id: string;
  queue: string;
  state: JobState;
  priority: number;
  retryCount: number;
  retryLimit: number;
  createdOn: string;
  startAfter: string;
  startedOn: string | null;
  completedOn: string | null;
  /** The job's input, shortened (ids of what it works on). */
  data: string;
  /** The error of a failed attempt, or the handler's result. */
  output: string | null;
}

/** A row of pgboss.job as the queries below select it. */
export interface JobRow {
  id: string;
  name: string;
  state: JobState;
  priority: number;
  retry_count: number;
  retry_limit: number;
  created_on: Date | string;
  start_after: Date | string;
  started_on: Date | string | null;
  completed_on: Date | string | null;
  data: unknown;
  output: unknown;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function shorten(value: unknown, max: number): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function outputText(output: unknown): string | null {
  if (output && typeof output === 'object' && 'message' in output && typeof output.message === 'string')
    return shorten(output.message, 1000);
  return shorten(output, 1000);
}

/** Shapes a job row for the back-office. */
export function toJobView(row: JobRow): JobView {
  return {
    id: row.id,
    queue: row.name,
    state: row.state,
    priority: Number(row.priority),
    retryCount: Number(row.retry_count),
    retryLimit: Number(row.retry_limit),
    createdOn: iso(row.created_on) ?? '',
    startAfter: iso(row.start_after) ?? '',
    startedOn: iso(row.started_on),
    completedOn: iso(row.completed_on),
    data: shorten(row.data, 500) ?? '',
    output: outputText(row.output),
  };
}

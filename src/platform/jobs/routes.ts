import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page, PageQuery } from '../http/pagination.ts';
import { Uuid } from '../http/schemas.ts';
import { JOB_STATES } from './job-view.ts';
import { listJobs } from './list-jobs.ts';
import { listQueues } from './list-queues.ts';
import './messages.ts';
import { retryJob } from './retry-job.ts';

const err = { $ref: 'Error#' };
const NullableString = Type.Union([Type.String(), Type.Null()]);
const State = Type.Union(JOB_STATES.map((s) => Type.Literal(s)));
const QueueName = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.\\-/]+$' });
const Job = Type.Object({
  id: Type.String(),
  queue: Type.String(),
  state: State,
  priority: Type.Integer(),
  retryCount: Type.Integer(),
  retryLimit: Type.Integer(),
  createdOn: Type.String({ format: 'date-time' }),
  startAfter: Type.String({ format: 'date-time' }),
  startedOn: NullableString,
  completedOn: NullableString,
  data: Type.String(),
  output: NullableString,
});
const Counts = Type.Object(Object.fromEntries(JOB_STATES.map((s) => [s, Type.Integer()])));

/** The background jobs back-office, for installation administrators: queues, jobs, retry. */
export const jobRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { database, jobs } = app.deps;
  const db = database.db;
  const tags = ['jobs'];

  app.get(
    '/admin/jobs/queues',
    {
      schema: {
        tags,
        summary: 'Files de tâches et leurs comptes par état / Job queues with counts per state',
        response: {
          200: Type.Array(Type.Object({ queue: Type.String(), counts: Counts, deferred: Type.Integer() })),
          401: err,
          403: err,
        },
      },
    },
    async (request) => listQueues({ db, jobs, auth: request.auth }),
  );
  app.get(
    '/admin/jobs',
    {
      schema: {
        tags,
        summary: 'Tâches en attente, en cours, échouées, terminées / Queued, running, failed, completed jobs',
        querystring: Type.Object(
          { ...PageQuery.properties, queue: Type.Optional(QueueName), state: Type.Optional(State) },
          { additionalProperties: false },
        ),
        response: { 200: Page(Job), 400: err, 401: err, 403: err },
      },
    },
    async (request) => listJobs({ db, auth: request.auth, query: request.query }),
  );
  app.post(
    '/admin/jobs/:queue/:id/retry',
    {
      schema: {
        tags,
        summary: 'Relancer une tâche / Retry a job',
        params: Type.Object({ queue: QueueName, id: Uuid }),
        response: { 200: Job, 401: err, 403: err, 404: err, 409: err },
      },
    },
    async (request) =>
      retryJob({
        db,
        jobs,
        auth: request.auth,
        ip: request.ip,
        queue: request.params.queue,
        id: request.params.id,
      }),
  );
};

// What the staff management of the regional site's records (map places, resource people) has in common:
// the three routes list / add / change, and saving one record (insert, or update by id) with its audit
// entry and the "address already taken" conflict. Each record keeps its own table, schema and fields.
import type { FastifyInstance, FastifySchema } from 'fastify';
import { type Static, type TSchema, Type } from 'typebox';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { Uuid } from '../../../platform/http/schemas.ts';

/** A unique index refused the row (PostgreSQL 23505, directly or wrapped by the driver). */
export const isUniqueViolation = (e: unknown) =>
  [(e as { code?: string })?.code, (e as { cause?: { code?: string } })?.cause?.code].includes('23505');

/**
 * Inserts a record, or updates it when `id` is given; audits `region.<kind>_created|updated`; a taken slug
 * becomes 409 `region.slug_taken`, a missing record 404 `region.<kind>_not_found`.
 */
export async function saveStaffRecord<Row extends { id: string; slug: string }>(o: {
  db: Database;
  who: AuthContext;
  orgId: string;
  kind: 'place' | 'contact';
  id?: string;
  slug: string;
  ip?: string;
  insert: () => Promise<Row[]>;
  update: (id: string) => Promise<Row[]>;
}): Promise<Row> {
  try {
    const [row] = o.id ? await o.update(o.id) : await o.insert();
    if (!row) throw new AppError(`region.${o.kind}_not_found`, 404);
    await recordAudit(o.db, {
      orgId: o.orgId,
      actorAccountId: o.who.account.id,
      action: `region.${o.kind}_${o.id ? 'updated' : 'created'}`,
      targetType: `region_${o.kind}`,
      targetId: row.id,
      ip: o.ip ?? null,
      details: { slug: row.slug },
    });
    return row;
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('region.slug_taken', 409, { params: { slug: o.slug } });
    throw e;
  }
}

type StaffCall<B extends TSchema> = {
  auth: AuthContext | null;
  orgId: string;
  id?: string;
  input: Static<B>;
  ip: string;
};

/**
 * GET (list), POST (add) and PUT (change) of one kind of staff record under `/orgs/:orgId/region/staff/…`.
 * Registered on the plain instance: the schemas still validate and document each route, and the handlers
 * read params and body as the generic schemas' static types.
 */
export function staffRecordRoutes<B extends TSchema, V extends TSchema>(
  app: FastifyInstance,
  o: {
    path: string;
    idParam: string;
    tags: string[];
    summaries: { list: string; add: string; change: string };
    body: B;
    view: V;
    errors: Record<number, unknown>;
    list: (c: { auth: AuthContext | null; orgId: string }) => Promise<{ items: Array<Static<V>> }>;
    save: (c: StaffCall<B>) => Promise<Static<V>>;
  },
): void {
  const S = Type.Object({ orgId: Uuid });
  const SP = Type.Object({ orgId: Uuid, [o.idParam]: Uuid });
  const common = { tags: o.tags };
  app.get(
    o.path,
    {
      schema: {
        ...common,
        summary: o.summaries.list,
        params: S,
        response: { 200: Type.Object({ items: Type.Array(o.view) }), ...o.errors },
      } as FastifySchema,
    },
    async (request) => o.list({ auth: request.auth, orgId: (request.params as { orgId: string }).orgId }),
  );
  app.post(
    o.path,
    {
      schema: {
        ...common,
        summary: o.summaries.add,
        params: S,
        body: o.body,
        response: { 201: o.view, ...o.errors },
      } as FastifySchema,
    },
    async (request, reply) =>
      reply.status(201).send(
        await o.save({
          auth: request.auth,
          orgId: (request.params as { orgId: string }).orgId,
          input: request.body as Static<B>,
          ip: request.ip,
        }),
      ),
  );
  app.put(
    `${o.path}/:${o.idParam}`,
    {
      schema: {
        ...common,
        summary: o.summaries.change,
        params: SP,
        body: o.body,
        response: { 200: o.view, ...o.errors },
      } as FastifySchema,
    },
    async (request) => {
      const params = request.params as Record<string, string>;
      return o.save({
        auth: request.auth,
        orgId: params.orgId ?? '',
        id: params[o.idParam],
        input: request.body as Static<B>,
        ip: request.ip,
      });
    },
  );
}

import { createHash } from 'node:crypto';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../db/client.ts';
import { sendError } from './plugin.ts';
import { idempotencyKeys } from './schema.ts';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { principal: string; key: string } | null;
  }
}

// A request that never completed (the process died) frees its key after this long.
const STALE_AFTER_MS = 60_000;

function principalOf(request: FastifyRequest): string {
  const accountId = (request as { auth?: { account?: { id: string } } | null }).auth?.account?.id;
  return accountId ? `account:${accountId}` : `ip:${request.ip}`;
}

function hashRequest(request: FastifyRequest): string {
  return createHash('sha256')
    .update(request.method)
    .update('\0')
    .update(request.url)
    .update('\0')
    .update(JSON.stringify(request.body ?? null))
    .digest('hex');
}

// Prepared once per database handle: every POST with a key runs it.
function claimStatement(db: Database) {
  return db
    .insert(idempotencyKeys)
    .values({
      principal: sql.placeholder('principal'),
      key: sql.placeholder('key'),
      method: sql.placeholder('method'),
      path: sql.placeholder('path'),
      requestHash: sql.placeholder('requestHash'),
    })
    .onConflictDoUpdate({
      target: [idempotencyKeys.principal, idempotencyKeys.key],
      set: {
        method: sql`excluded.method`,
        path: sql`excluded.path`,
        requestHash: sql`excluded.request_hash`,
        createdAt: sql`now()`,
      },
      setWhere: and(
        isNull(idempotencyKeys.status),
        lt(idempotencyKeys.createdAt, sql`now() - ${sql.raw(`interval '${STALE_AFTER_MS} milliseconds'`)}`),
      ),
    })
    .returning({ key: idempotencyKeys.key })
    .prepare('idempotency_claim');
}
const claims = new WeakMap<Database, ReturnType<typeof claimStatement>>();
function claimKey(db: Database) {
  let statement = claims.get(db);
  if (!statement) {
    statement = claimStatement(db);
    claims.set(db, statement);
  }
  return statement;
}

/**
 * `Idempotency-Key` on POST: the first answer is stored and replayed to retries with the same key,
 * so a retried registration, booking or payment does nothing twice. Runs after authentication. As with
 * Stripe, invalid input (400) is not remembered: the person corrects it and retries with the same key.
 */
export const idempotency = fp(async (app: FastifyInstance, opts: { db: Database }) => {
  const { db } = opts;
  app.decorateRequest('idempotency', null);

  // Before validation, so that a malformed key is reported first; after parsing, so the body is hashed.
  app.addHook('preValidation', async (request, reply) => {
    if (request.method !== 'POST') return;
    const header = request.headers['idempotency-key'];
    if (header === undefined) return;
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || key.length < 8 || key.length > 200) {
      return sendError(reply, request, 400, 'idempotency.key_invalid');
    }
    const principal = principalOf(request);
    const requestHash = hashRequest(request);
    const path = request.routeOptions.url ?? request.url;

    // One statement: claim the key, or take over a key whose first request died half-way.
    const inserted = await claimKey(db).execute({
      principal,
      key,
      method: request.method,
      path,
      requestHash,
    });
    if (inserted.length > 0) {
      request.idempotency = { principal, key };
      return;
    }
    const [existing] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
    if (!existing) return sendError(reply, request, 409, 'idempotency.in_progress');
    if (existing.requestHash !== requestHash) return sendError(reply, request, 422, 'idempotency.key_reused');
    if (existing.status === null) return sendError(reply, request, 409, 'idempotency.in_progress');
    reply.header('idempotent-replayed', 'true');
    for (const [name, value] of Object.entries(existing.responseHeaders ?? {})) reply.header(name, value);
    return reply.status(existing.status).send(existing.responseBody ?? '');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const slot = request.idempotency;
    if (!slot) return payload;
    request.idempotency = null;
    const where = and(eq(idempotencyKeys.principal, slot.principal), eq(idempotencyKeys.key, slot.key));
    try {
      if (reply.statusCode >= 500 || reply.statusCode === 400) {
        // Nothing was done (invalid input) or the server failed: forget the key so a corrected retry runs.
        await db.delete(idempotencyKeys).where(where);
        return payload;
      }
      const contentType = reply.getHeader('content-type');
      await db
        .update(idempotencyKeys)
        .set({
          status: reply.statusCode,
          responseBody: typeof payload === 'string' ? payload : payload == null ? '' : String(payload),
          responseHeaders: contentType ? { 'content-type': String(contentType) } : {},
          completedAt: sql`now()`,
        })
        .where(where);
    } catch (error) {
      // The database went away after the answer was decided: the answer still goes out (an error thrown
      // here would replace it with Fastify's raw one, query text included). The key stays "in progress",
      // so a retry is refused rather than run twice.
      request.log.warn({ err: error }, 'idempotency key not recorded');
    }
    return payload;
  });
});

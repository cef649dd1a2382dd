import type {} from '@fastify/static';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, renderMessage } from './errors.ts';
import { type Locale, localeFromHeader } from './locale.ts';
import { describeValidation } from './validation-messages.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The language of this request's answers: the signed-in person's choice, else Accept-Language. */
    locale: Locale;
  }
}

/** The error body every route returns (DESIGN.md, HTTP rules). */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Sends an error in the one shape of the API. */
export function sendError(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  params: Record<string, string | number> = {},
  details?: unknown,
): FastifyReply {
  const body: ErrorBody = { error: { code, message: renderMessage(code, request.locale ?? 'fr', params) } };
  if (details !== undefined) body.error.details = details;
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/** The error and what it wraps: Drizzle rethrows the driver's error as the `cause` of a DrizzleQueryError. */
function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e && chain.length < 5; e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}

function isDatabaseDown(error: unknown): boolean {
  return errorChain(error).some(isConnectionError);
}

// SQLSTATE class 22 (data exception: a NUL byte, a value out of range, an impossible date …) is input the
// route's schema let through; the request is wrong, not the server.
function isBadData(error: unknown): boolean {
  return errorChain(error).some((e) => /^22[0-9A-Z]{3}$/.test(String((e as { code?: unknown }).code ?? '')));
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === '57P01' || // admin_shutdown
    code === '57P02' || // crash_shutdown
    code === '08000' ||
    code === '08003' ||
    code === '57P03' || // cannot_connect_now
    code === '08006' ||
    code === '08001' ||
    (error instanceof Error &&
      /Connection terminated|timeout exceeded when trying to connect|not queryable/i.test(error.message))
  );
}

/**
 * Fastify's `frameworkErrors` option: a path the router cannot decode (`%zz`, invalid UTF-8) or a parameter
 * over its length limit is refused before any hook or error handler runs; answer it in the one shape too.
 */
export function frameworkErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  request.locale = localeFromHeader(request.headers['accept-language']);
  sendError(reply, request, error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400, 'route.bad_url');
}

/** Locale detection, the error handler and the 404 handler, shared by every route. */
export const httpPlatform = fp(
  async (
    app: FastifyInstance,
    opts: {
      spaIndex?: boolean;
      /** The index page naming a page's chunks (web-index.ts), or undefined to send index.html as it is. */
      pageIndex?: (path: string) => string | undefined;
    },
  ) => {
    app.decorateRequest('locale', 'fr');
    app.addHook('onRequest', async (request) => {
      request.locale = localeFromHeader(request.headers['accept-language']);
    });

    app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
      if (error instanceof AppError) {
        return sendError(reply, request, error.status, error.code, error.params, error.details);
      }
      const fe = error as FastifyError;
      if (fe.validation) {
        return sendError(
          reply,
          request,
          400,
          'validation.failed',
          {},
          {
            fields: describeValidation(fe.validation, request.locale, fe.validationContext),
          },
        );
      }
      if (
        fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
        fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
        (fe.statusCode === 400 && error instanceof SyntaxError)
      ) {
        return sendError(reply, request, 400, 'validation.body_malformed');
      }
      if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415) {
        return sendError(reply, request, 415, 'validation.unsupported_media_type');
      }
      if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413) {
        return sendError(reply, request, 413, 'validation.too_large');
      }
      if (fe.statusCode === 429) {
        const seconds = Number(reply.getHeader('retry-after') ?? 60);
        return sendError(reply, request, 429, 'rate_limited', { seconds });
      }
      if (fe.code?.startsWith('FST_CSRF') || fe.code === 'FST_ERR_CSRF') {
        return sendError(reply, request, 403, 'csrf.invalid');
      }
      if (isDatabaseDown(error)) {
        request.log.warn({ err: error }, 'database unavailable');
        reply.header('retry-after', '5');
        return sendError(reply, request, 503, 'unavailable');
      }
      if (isBadData(error)) {
        request.log.warn({ err: error }, 'input refused by the database');
        return sendError(reply, request, 400, 'validation.failed');
      }
      if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
        return sendError(reply, request, fe.statusCode, 'validation.failed');
      }
      request.log.error({ err: error }, 'unhandled error');
      return sendError(reply, request, 500, 'internal');
    });

    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      // The web app's client-side routes all answer with its index page (served by @fastify/static).
      const isPage =
        opts.spaIndex &&
        request.method === 'GET' &&
        !/^\/(api|feeds|open311)\//.test(path) &&
        !path.includes('.');
      if (isPage) {
        const html = opts.pageIndex?.(path);
        reply.type('text/html; charset=utf-8');
        return html === undefined
          ? reply.sendFile('index.html')
          : reply.header('cache-control', 'no-cache').send(html);
      }
      return sendError(reply, request, 404, 'route.not_found');
    });
  },
);

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../http/errors.ts';
import { getPushPublicKey } from './get-push-public-key.ts';
import { recordSmsStatus } from './record-sms-status.ts';
import { describeUnsubscribe, type UnsubscribeView, unsubscribe } from './unsubscribe.ts';
import { invalidUnsubscribePage, unsubscribePage } from './unsubscribe-page.ts';

const err = { $ref: 'Error#' };
const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) });
const Unsubscribed = Type.Object({ ok: Type.Boolean(), category: Type.String(), channel: Type.String() });

function formFields(body: unknown): Record<string, string> {
  return body && typeof body === 'object' && !Buffer.isBuffer(body) ? (body as Record<string, string>) : {};
}

function wantsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}

async function htmlOrInvalid(
  request: FastifyRequest,
  reply: FastifyReply,
  run: () => Promise<UnsubscribeView>,
  done: boolean,
) {
  try {
    const view = await run();
    const token = (request.params as { token: string }).token;
    return reply.type('text/html; charset=utf-8').send(unsubscribePage(view, token, done));
  } catch (error) {
    if (error instanceof AppError && error.code === 'notify.unsubscribe_invalid')
      return reply.status(404).type('text/html; charset=utf-8').send(invalidUnsubscribePage(request.locale));
    throw error;
  }
}

/**
 * Routes reached without signing in: the push public key, one-click unsubscribe (the signed link is the
 * proof) and the text-message provider's signed delivery reports. The last two carry no CSRF token.
 */
export const publicNotifyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { database, config } = app.deps;
  const db = database.db;
  const tags = ['notifications'];
  // Providers post forms (Twilio's callbacks, RFC 8058's List-Unsubscribe=One-Click); mail clients may
  // post other bodies to the unsubscribe address, which needs none.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/notify/push/public-key',
    {
      schema: {
        tags,
        summary: 'Clé publique VAPID pour s’abonner / VAPID public key to subscribe',
        response: { 200: Type.Object({ publicKey: Type.String() }) },
      },
    },
    async () => getPushPublicKey({ db }),
  );

  app.get(
    '/notify/unsubscribe/:token',
    {
      schema: {
        tags,
        summary: 'Page de désabonnement (sans connexion) / Unsubscribe page (no sign-in)',
        params: TokenParams,
        produces: ['text/html'],
      },
    },
    async (request, reply) =>
      htmlOrInvalid(
        request,
        reply,
        () =>
          describeUnsubscribe({
            db,
            publicUrl: config.publicUrl,
            token: request.params.token,
            locale: request.locale,
          }),
        false,
      ),
  );

  app.post(
    '/notify/unsubscribe/:token',
    {
      config: { csrf: false },
      schema: {
        tags,
        summary: 'Désabonnement en un clic (RFC 8058) / One-click unsubscribe (RFC 8058)',
        params: TokenParams,
        response: { 200: Unsubscribed, 404: err },
      },
    },
    async (request, reply) => {
      const run = () =>
        unsubscribe({ db, publicUrl: config.publicUrl, token: request.params.token, locale: request.locale });
      if (wantsHtml(request)) return htmlOrInvalid(request, reply, run, true);
      const view = await run();
      return { ok: true, category: view.category, channel: view.channel };
    },
  );

  app.post(
    '/notify/sms/status',
    {
      config: { csrf: false },
      schema: {
        tags,
        summary: 'Rapport de livraison des textos (signé) / Text-message delivery report (signed)',
        response: { 200: Type.Object({ updated: Type.Boolean() }), 400: err, 403: err },
      },
    },
    async (request) => {
      const signature = request.headers['x-twilio-signature'];
      return recordSmsStatus({
        db,
        sms: config.sms,
        publicUrl: config.publicUrl,
        signature: typeof signature === 'string' ? signature : undefined,
        params: formFields(request.body),
      });
    },
  );
};

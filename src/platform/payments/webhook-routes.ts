import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '../http/schemas.ts';
import { handleStripeWebhook } from './handle-stripe-webhook.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** False on routes called by machines that prove themselves otherwise (signed webhooks). */
    csrf?: boolean;
  }
}

const err = { $ref: 'Error#' };

/**
 * Stripe's webhook. Its signature covers the exact bytes sent, so this plugin (encapsulated: the rest of
 * the API keeps its JSON parser) reads JSON bodies as raw buffers. It carries no CSRF token: the
 * signature is its proof.
 */
export const stripeWebhookRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { database, config } = app.deps;
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: 512 * 1024 },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/payments/webhooks/stripe/:orgId',
    {
      config: { csrf: false },
      schema: {
        tags: ['payments'],
        summary: 'Webhook Stripe (signé) / Stripe webhook (signed)',
        params: Type.Object({ orgId: Uuid }),
        response: {
          200: Type.Object({ received: Type.Boolean(), outcome: Type.String(), eventId: Type.String() }),
          400: err,
          404: err,
        },
      },
    },
    async (request) => {
      const signature = request.headers['stripe-signature'];
      const result = await handleStripeWebhook({
        db: database.db,
        stripeConfig: config.stripe,
        orgId: request.params.orgId,
        rawBody: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
        signature: Array.isArray(signature) ? signature[0] : signature,
      });
      return { received: true, ...result };
    },
  );
};

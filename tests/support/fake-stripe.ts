import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A PaymentIntent as the fake serves it (the fields the adapter reads). */
export interface FakeIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  currency: string;
  status: string;
  client_secret: string;
  metadata: Record<string, string>;
  last_payment_error: null | { code: string; decline_code?: string };
  latest_charge:
    | null
    | string
    | { id: string; object: 'charge'; payment_method_details: { card: { last4: string } } };
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => {
      data += c;
    });
    req.on('end', () => resolve(data));
  });
}

/**
 * A local stand-in for the Stripe API endpoints Civique's adapter uses (PaymentIntents create, retrieve,
 * cancel; refunds create), answering as Stripe does, honouring Idempotency-Key and recording each call.
 */
export class FakeStripe {
  readonly intents = new Map<string, FakeIntent>();
  readonly calls: Array<{ method: string; path: string; key: string | undefined; form: URLSearchParams }> =
    [];
  /** The status the next refunds are created with. */
  refundStatus = 'succeeded';
  private readonly keys: string[];
  private server: Server | undefined;

  constructor(secretKeys: string[]) {
    this.keys = secretKeys;
  }

  /** Starts listening on a free local port; returns the base URL to give as STRIPE_API_URL. */
  start(): Promise<string> {
    const idempotent = new Map<string, unknown>();
    let n = 0;
    const server = createServer(async (req, res) => {
      const form = new URLSearchParams(await read(req));
      const path = (req.url ?? '').split('?')[0] ?? '';
      const key = req.headers['idempotency-key'] as string | undefined;
      this.calls.push({ method: req.method ?? '', path, key, form });
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${n}` });
        res.end(JSON.stringify(body));
      };
      if (!this.keys.some((k) => req.headers.authorization === `Bearer ${k}`))
        return send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
      if (key && idempotent.has(key)) return send(200, idempotent.get(key));
      const metadata = Object.fromEntries(
        [...form].filter(([k]) => k.startsWith('metadata[')).map(([k, v]) => [k.slice(9, -1), v]),
      );
      let body: unknown;
      if (req.method === 'POST' && path === '/v1/payment_intents') {
        const id = `pi_${++n}`;
        const intent: FakeIntent = {
          id,
          object: 'payment_intent',
          amount: Number(form.get('amount')),
          currency: form.get('currency') ?? '',
          status: 'requires_payment_method',
          client_secret: `${id}_secret_${n}`,
          metadata,
          last_payment_error: null,
          latest_charge: null,
        };
        this.intents.set(id, intent);
        body = intent;
      } else if (path.startsWith('/v1/payment_intents/')) {
        const [, , , id, action] = path.split('/');
        const intent = this.intents.get(id ?? '');
        if (!intent)
          return send(404, { error: { type: 'invalid_request_error', message: 'No such payment_intent' } });
        if (action === 'cancel') {
          if (intent.status === 'succeeded')
            return send(400, {
              error: { type: 'invalid_request_error', message: 'This PaymentIntent has succeeded' },
            });
          intent.status = 'canceled';
        }
        body = intent;
      } else if (req.method === 'POST' && path === '/v1/refunds') {
        body = {
          id: `re_${++n}`,
          object: 'refund',
          amount: Number(form.get('amount')),
          status: this.refundStatus,
          payment_intent: form.get('payment_intent'),
          metadata,
        };
      } else
        return send(404, { error: { type: 'invalid_request_error', message: 'Unrecognized request URL' } });
      if (key) idempotent.set(key, body);
      send(200, body);
    });
    this.server = server;
    return new Promise((resolve) =>
      server.listen(0, '127.0.0.1', () =>
        resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
      ),
    );
  }

  /** The person completed the payment in Stripe.js: the intent succeeds with a card charge. */
  succeed(id: string): FakeIntent {
    const intent = this.intents.get(id);
    if (!intent) throw new Error(`unknown intent ${id}`);
    intent.status = 'succeeded';
    intent.latest_charge = {
      id: `ch_${id}`,
      object: 'charge',
      payment_method_details: { card: { last4: '4242' } },
    };
    return intent;
  }

  /** Stops the server. */
  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

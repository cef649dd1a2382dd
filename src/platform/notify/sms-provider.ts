import type { SmsConfig } from '../../config.ts';

/** A refusal that retrying cannot fix (an invalid or opted-out number): the message is bounced. */
export class PermanentSmsError extends Error {}

/** Where text messages go: a Twilio-compatible provider, or the back-office outbox. */
export interface SmsProvider {
  kind: 'twilio' | 'outbox';
  send(message: {
    to: string;
    body: string;
    statusCallback: string;
  }): Promise<{ providerMessageId?: string }>;
}

/** The outbox: messages stay readable by administrators and nothing leaves the installation. */
export const outboxSms: SmsProvider = { kind: 'outbox', send: async () => ({}) };

interface TwilioAnswer {
  sid?: string;
  status?: string;
  code?: number;
  message?: string;
}

/**
 * Twilio's Messages API (or any provider speaking it): form-encoded To/From/Body with a status
 * callback, HTTP basic authentication with the account SID and auth token.
 */
export function twilioSms(config: SmsConfig, fetchImpl: typeof fetch = fetch): SmsProvider {
  const url = `${config.apiUrl.replace(/\/$/, '')}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  return {
    kind: 'twilio',
    send: async ({ to, body, statusCallback }) => {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: {
          authorization,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ To: to, From: config.from, Body: body, StatusCallback: statusCallback }),
        signal: AbortSignal.timeout(15_000),
      });
      const answer = (await response.json().catch(() => ({}))) as TwilioAnswer;
      if (response.ok && answer.sid) return { providerMessageId: answer.sid };
      const reason = `SMS provider answered ${response.status}${answer.code ? ` (${answer.code})` : ''}: ${answer.message ?? 'no detail'}`;
      // 4xx other than throttling means the request itself is refused (bad number, opted out …).
      if (response.status >= 400 && response.status < 500 && response.status !== 429)
        throw new PermanentSmsError(reason);
      throw new Error(reason);
    },
  };
}

/** The provider for a configuration. */
export function createSmsProvider(config: SmsConfig | undefined): SmsProvider {
  return config ? twilioSms(config) : outboxSms;
}

import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';

/** One e-mail as handed to a transport. */
export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** One-click unsubscribe address (RFC 8058), on every message that is not exempt. */
  unsubscribeUrl?: string | null;
}

/** Where e-mail goes: an SMTP server when configured, else the outbox administrators read. */
export interface MailTransport {
  kind: 'smtp' | 'outbox';
  deliver(message: OutgoingEmail): Promise<{ messageId?: string }>;
  close(): void;
}

/** How many SMTP connections a process keeps open, and so how many messages it hands over at once. */
export const SMTP_CONNECTIONS = 5;

/** nodemailer's fields for one message, with the List-Unsubscribe headers when there is a link. */
export function mailOptions(message: OutgoingEmail): SendMailOptions {
  const { unsubscribeUrl, ...rest } = message;
  if (!unsubscribeUrl) return rest;
  return {
    ...rest,
    list: { unsubscribe: unsubscribeUrl },
    headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/**
 * Builds the transport for a configuration (SMTP_URL or the outbox). SMTP connections are pooled and
 * reused across messages: opening one per message (TCP, greeting, EHLO) would cost more than the message.
 */
export function createTransport(smtpUrl: string | undefined): MailTransport {
  if (!smtpUrl) {
    return { kind: 'outbox', deliver: async () => ({}), close: () => {} };
  }
  const transporter: Transporter = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: SMTP_CONNECTIONS,
    maxMessages: 1000,
  });
  return {
    kind: 'smtp',
    deliver: async (message) => {
      const info = await transporter.sendMail(mailOptions(message));
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

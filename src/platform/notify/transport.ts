import nodemailer, { type Transporter } from 'nodemailer';

/** Where e-mail goes: an SMTP server when configured, else the outbox administrators read. */
export interface MailTransport {
  kind: 'smtp' | 'outbox';
  deliver(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
  }): Promise<{ messageId?: string }>;
  close(): void;
}

/** Builds the transport for a configuration (SMTP_URL or the outbox). */
export function createTransport(smtpUrl: string | undefined): MailTransport {
  if (!smtpUrl) {
    return { kind: 'outbox', deliver: async () => ({}), close: () => {} };
  }
  const transporter: Transporter = nodemailer.createTransport(smtpUrl);
  return {
    kind: 'smtp',
    deliver: async (message) => {
      const info = await transporter.sendMail(message);
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

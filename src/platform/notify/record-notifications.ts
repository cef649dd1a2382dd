import type { Executor } from '../db/client.ts';
import { newId } from '../db/ids.ts';
import type { Locale } from '../http/locale.ts';
import {
  CATEGORY_LABELS,
  type Category,
  CHANNEL_LABELS,
  type Channel,
  UNSUBSCRIBE_EXEMPT,
  type Urgency,
} from './categories.ts';
import { chooseChannels } from './channel-choice.ts';
import { notificationTemplate } from './notification-templates.ts';
import type { Recipient } from './recipients.ts';
import { type EmailBranding, renderEmail, type UnsubscribeInfo } from './render.ts';
import { renderInbox, renderPush, renderSms } from './render-channels.ts';
import { emailMessages, notificationMessages } from './schema.ts';
import { senderOf } from './sender.ts';
import type { NotifySettings } from './settings.ts';
import { addressHash, signUnsubscribeToken, unsubscribeSecret } from './unsubscribe-token.ts';

/** What is sent, whoever it goes to. */
export interface NotificationContent {
  orgId?: string | null;
  category: Category;
  template: string;
  params: Record<string, unknown>;
  urgency?: Urgency;
  /** Only these channels, when a message makes sense on some only (still within the person's choice). */
  channels?: readonly Channel[];
  campaignId?: string | null;
}

/** One recorded message, one per channel and person. */
export interface RecordedMessage {
  channel: Channel;
  id: string;
}

type EmailRow = typeof emailMessages.$inferInsert;
type ChannelRow = typeof notificationMessages.$inferInsert;
const CHUNK = 500;

async function insertChunks<T extends EmailRow | ChannelRow>(
  rows: T[],
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Renders a notification for each recipient on the channels they chose (in their language, with the
 * sender's identity and, outside exempt categories, an unsubscribe link per channel) and records one
 * message per channel with its delivery record. In-app messages are delivered by being recorded; the
 * others wait for `enqueueNotification`. Returns the messages and how many recipients got none.
 */
export async function recordNotifications(
  db: Executor,
  settings: NotifySettings,
  content: NotificationContent,
  recipients: readonly Recipient[],
): Promise<{ messages: RecordedMessage[]; skipped: number }> {
  const template = notificationTemplate(content.template);
  const senders = new Map<Locale, EmailBranding>();
  const senderIn = async (locale: Locale) => {
    let sender = senders.get(locale);
    if (!sender) {
      sender = await senderOf(db, content.orgId, locale, settings.publicUrl);
      senders.set(locale, sender);
    }
    return sender;
  };
  const exempt = UNSUBSCRIBE_EXEMPT.has(content.category);
  const secret = exempt ? undefined : await unsubscribeSecret(db);
  const unsubscribeFor = (r: Recipient, channel: Channel): UnsubscribeInfo | undefined => {
    if (!secret) return undefined;
    const address = channel === 'sms' ? r.phone : r.email;
    const subject = r.accountId
      ? ({ kind: 'account', accountId: r.accountId } as const)
      : address
        ? ({ kind: 'address', addressHash: addressHash(address) } as const)
        : undefined;
    if (!subject) return undefined;
    const token = signUnsubscribeToken(secret, { subject, category: content.category, channel });
    return {
      url: `${settings.publicUrl}/api/notify/unsubscribe/${token}`,
      categoryLabel: CATEGORY_LABELS[content.category][r.locale],
      channelLabel: CHANNEL_LABELS[channel][r.locale],
    };
  };

  const emails: EmailRow[] = [];
  const others: ChannelRow[] = [];
  const messages: RecordedMessage[] = [];
  let skipped = 0;
  for (const r of recipients) {
    const channels = chooseChannels(content.category, r.chosen, r.reachable).filter(
      (c) => !content.channels || content.channels.includes(c),
    );
    if (channels.length === 0) {
      skipped++;
      continue;
    }
    const sender = await senderIn(r.locale);
    for (const channel of channels) {
      const id = newId();
      const unsubscribe = unsubscribeFor(r, channel);
      messages.push({ channel, id });
      if (channel === 'email') {
        // chooseChannels only picks e-mail for someone with an address.
        if (!r.email) throw new Error('e-mail chosen for a recipient without an address');
        const rendered = renderEmail(template, content.params, r.locale, sender, unsubscribe);
        emails.push({
          id,
          orgId: content.orgId ?? null,
          toAddress: r.email,
          locale: r.locale,
          template: content.template,
          subject: rendered.subject,
          textBody: rendered.text,
          htmlBody: rendered.html,
          accountId: r.accountId,
          category: content.category,
          campaignId: content.campaignId ?? null,
          unsubscribeUrl: unsubscribe?.url ?? null,
        });
        continue;
      }
      const rendered =
        channel === 'sms'
          ? renderSms(template, content.params, r.locale, sender, unsubscribe?.url)
          : channel === 'push'
            ? renderPush(template, content.params, r.locale, sender, settings.publicUrl)
            : renderInbox(template, content.params, r.locale, sender, settings.publicUrl, unsubscribe);
      const inapp = channel === 'inapp';
      others.push({
        id,
        orgId: content.orgId ?? null,
        accountId: r.accountId,
        campaignId: content.campaignId ?? null,
        channel: channel as ChannelRow['channel'],
        category: content.category,
        template: content.template,
        locale: r.locale,
        urgency: content.urgency ?? 'normal',
        toAddress: channel === 'sms' ? r.phone : null,
        ...rendered,
        unsubscribeUrl: unsubscribe?.url ?? null,
        // The inbox has no transport: recording the message is delivering it.
        status: inapp ? 'sent' : 'queued',
        transport: inapp ? 'inapp' : null,
        sentAt: inapp ? new Date() : null,
      });
    }
  }
  await insertChunks(emails, (chunk) => db.insert(emailMessages).values(chunk));
  await insertChunks(others, (chunk) => db.insert(notificationMessages).values(chunk));
  return { messages, skipped };
}

import type { Bilingual } from '../http/locale.ts';

/**
 * What a message is about; each person chooses per category and channel what they receive.
 * Append only: unsubscribe tokens carry a category's position in this list.
 */
export const CATEGORIES = [
  'account',
  'emergency',
  'recreation',
  'requests',
  'transit',
  'jobs',
  'newsletters',
  'payments',
  'participation',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** How a message reaches a person. Append only, like CATEGORIES. */
export const CHANNELS = ['email', 'sms', 'push', 'inapp'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Which channels are on for one category. */
export type ChannelSet = Record<Channel, boolean>;

/** How fast a message must go: `high` jumps the delivery queues (emergency alerts). */
export type Urgency = 'low' | 'normal' | 'high';

/** Category names, for footers, the unsubscribe page and the preferences screen. */
export const CATEGORY_LABELS: Record<Category, Bilingual> = {
  account: { fr: 'Mon compte', en: 'My account' },
  emergency: { fr: 'Alertes d’urgence', en: 'Emergency alerts' },
  recreation: { fr: 'Loisirs, sports et culture', en: 'Recreation, sports and culture' },
  requests: { fr: 'Requêtes à la ville', en: 'Requests to the city' },
  transit: { fr: 'Transport à la demande', en: 'On-demand transit' },
  jobs: { fr: 'Emploi', en: 'Jobs' },
  newsletters: { fr: 'Infolettres', en: 'Newsletters' },
  payments: { fr: 'Paiements et reçus', en: 'Payments and receipts' },
  participation: { fr: 'Sondages et consultations', en: 'Surveys and consultations' },
};

/** Channel names, same use. */
export const CHANNEL_LABELS: Record<Channel, Bilingual> = {
  email: { fr: 'courriel', en: 'e-mail' },
  sms: { fr: 'texto', en: 'text message' },
  push: { fr: 'notification sur l’appareil', en: 'device notification' },
  inapp: { fr: 'boîte de réception Civique', en: 'Civique inbox' },
};

const off: ChannelSet = { email: false, sms: false, push: false, inapp: false };

/**
 * The most private defaults that still work (Law 25): what a person needs to use their account and be
 * safe arrives by e-mail and in the inbox; transactional categories by e-mail only; newsletters off
 * until the person turns them on. Nothing goes to a phone until the person asks for it.
 */
export const DEFAULT_PREFERENCES: Record<Category, ChannelSet> = {
  account: { ...off, email: true, inapp: true },
  emergency: { ...off, email: true, inapp: true },
  recreation: { ...off, email: true },
  requests: { ...off, email: true },
  transit: { ...off, email: true },
  jobs: { ...off, email: true },
  newsletters: { ...off },
  payments: { ...off, email: true },
  participation: { ...off, email: true },
};

/** Categories whose messages never carry an unsubscribe link: codes and safety come whatever the choice. */
export const UNSUBSCRIBE_EXEMPT: ReadonlySet<Category> = new Set(['account', 'emergency']);

/**
 * Categories a person cannot switch off entirely (at least one channel stays on): emergency alerts,
 * and the account's own messages without which the account stops working.
 */
export const ALWAYS_ON: ReadonlySet<Category> = new Set(['emergency', 'account']);

/** Whether a string names a category. */
export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

/** Whether a string names a channel. */
export function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}

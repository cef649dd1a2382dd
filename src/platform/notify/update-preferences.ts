import { sql } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { ALWAYS_ON, type Category, type ChannelSet, isCategory } from './categories.ts';
import { anyOn } from './channel-choice.ts';
import { type NotificationPreferences, readPreferences } from './get-preferences.ts';
import { notificationPreferences } from './schema.ts';

/** Stores one category's channels for an account (used by the preferences screen and by unsubscribe). */
export async function savePreference(
  db: Executor,
  accountId: string,
  category: Category,
  channels: ChannelSet,
): Promise<void> {
  await db
    .insert(notificationPreferences)
    .values({ accountId, category, ...channels })
    .onConflictDoUpdate({
      target: [notificationPreferences.accountId, notificationPreferences.category],
      set: { ...channels, updatedAt: sql`now()` },
    });
}

/**
 * Changes the person's channels for the categories given (the others stay as they are). Emergency
 * alerts and account messages cannot be switched off: only routed to other channels (422 otherwise).
 */
export async function updatePreferences(options: {
  db: Executor;
  auth: AuthContext | null;
  input: Record<string, ChannelSet>;
}): Promise<NotificationPreferences> {
  const who = requireAccount(options.auth);
  const entries = Object.entries(options.input);
  for (const [category, channels] of entries) {
    if (!isCategory(category)) throw new AppError('notify.category_unknown', 400, { params: { category } });
    if (ALWAYS_ON.has(category) && !anyOn(channels))
      throw new AppError('notify.channel_required', 422, { details: { category } });
  }
  const db = options.db;
  for (const [category, channels] of entries) {
    await savePreference(db, who.account.id, category as Category, {
      email: channels.email,
      sms: channels.sms,
      push: channels.push,
      inapp: channels.inapp,
    });
  }
  return readPreferences(db, who.account.id);
}

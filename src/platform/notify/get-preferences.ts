import { count, eq } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import { accounts } from '../auth/schema.ts';
import type { Executor } from '../db/client.ts';
import type { Bilingual } from '../http/locale.ts';
import { ALWAYS_ON, CATEGORIES, CATEGORY_LABELS, type Category, type ChannelSet } from './categories.ts';
import { effectivePreferences } from './channel-choice.ts';
import { notificationPreferences, pushSubscriptions } from './schema.ts';

/** One category on the preferences screen. */
export interface CategoryPreference {
  category: Category;
  label: Bilingual;
  channels: ChannelSet;
  /** At least one channel must stay on (emergency alerts, account messages). */
  alwaysOn: boolean;
}

/** A person's choices per category and channel, and which channels can reach them at all. */
export interface NotificationPreferences {
  categories: CategoryPreference[];
  /** Text messages need a phone number on the profile; push needs a subscribed device. */
  reachable: { email: boolean; sms: boolean; push: boolean; inapp: boolean };
}

/** Reads the person's preferences (the defaults for categories they never changed). */
export async function readPreferences(db: Executor, accountId: string): Promise<NotificationPreferences> {
  const [rows, [account], [devices]] = await Promise.all([
    db.select().from(notificationPreferences).where(eq(notificationPreferences.accountId, accountId)),
    db.select({ phone: accounts.phone }).from(accounts).where(eq(accounts.id, accountId)),
    db.select({ n: count() }).from(pushSubscriptions).where(eq(pushSubscriptions.accountId, accountId)),
  ]);
  const prefs = effectivePreferences(rows);
  return {
    categories: CATEGORIES.map((category) => ({
      category,
      label: CATEGORY_LABELS[category],
      channels: prefs[category],
      alwaysOn: ALWAYS_ON.has(category),
    })),
    reachable: { email: true, sms: !!account?.phone, push: (devices?.n ?? 0) > 0, inapp: true },
  };
}

/** The signed-in person's notification preferences. */
export async function getPreferences(options: {
  db: Executor;
  auth: AuthContext | null;
}): Promise<NotificationPreferences> {
  const who = requireAccount(options.auth);
  return readPreferences(options.db, who.account.id);
}

import {
  ALWAYS_ON,
  CATEGORIES,
  type Category,
  CHANNELS,
  type Channel,
  type ChannelSet,
  DEFAULT_PREFERENCES,
} from './categories.ts';

/** A stored preference row, as far as choosing channels goes. */
export interface PreferenceRow extends ChannelSet {
  category: string;
}

/** Every category's channels for one person: their stored choices over the defaults. */
export function effectivePreferences(rows: readonly PreferenceRow[]): Record<Category, ChannelSet> {
  const result = structuredClone(DEFAULT_PREFERENCES);
  for (const row of rows) {
    if (!(CATEGORIES as readonly string[]).includes(row.category)) continue;
    result[row.category as Category] = { email: row.email, sms: row.sms, push: row.push, inapp: row.inapp };
  }
  return result;
}

/** Whether a choice keeps at least one channel on. */
export function anyOn(set: ChannelSet): boolean {
  return CHANNELS.some((c) => set[c]);
}

/**
 * The channels a message goes out on: those the person chose that can reach them. A category that
 * cannot be turned off (emergency, account) still reaches the person when none of their chosen
 * channels can: by e-mail and in the inbox.
 */
export function chooseChannels(category: Category, chosen: ChannelSet, reachable: ChannelSet): Channel[] {
  const picked = CHANNELS.filter((c) => chosen[c] && reachable[c]);
  if (picked.length > 0 || !ALWAYS_ON.has(category)) return picked;
  return CHANNELS.filter((c) => (c === 'email' || c === 'inapp') && reachable[c]);
}

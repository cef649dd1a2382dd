import type { pushSubscriptions } from './schema.ts';

/** A subscribed device as its owner sees it (the keys stay on the server). */
export interface PushSubscriptionView {
  id: string;
  label: string;
  endpointOrigin: string;
  createdAt: string;
  lastSuccessAt: string | null;
}

/** Shapes a subscription row for its owner. */
export function toSubscriptionView(row: typeof pushSubscriptions.$inferSelect): PushSubscriptionView {
  return {
    id: row.id,
    label: row.label,
    endpointOrigin: new URL(row.endpoint).origin,
    createdAt: row.createdAt.toISOString(),
    lastSuccessAt: row.lastSuccessAt ? row.lastSuccessAt.toISOString() : null,
  };
}

const BROWSERS: Array<[RegExp, string]> = [
  [/Edg\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\//, 'Firefox'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: Array<[RegExp, string]> = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** A label a person recognises their device by, from its user agent: "Firefox · Android". */
export function deviceLabel(userAgent: string | undefined): string {
  const ua = userAgent ?? '';
  const browser = BROWSERS.find(([re]) => re.test(ua))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  const label = [browser, system].filter(Boolean).join(' · ');
  return label || ua.slice(0, 60) || '?';
}

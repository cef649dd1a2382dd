import { api, call } from '../../../app/api.ts';

const DEVICE_KEY = 'civique.pushDevice';

/** Whether this browser can receive web push at all (service workers, Push API, notifications). */
export function pushSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    'serviceWorker' in navigator &&
    'PushManager' in window &&
    'Notification' in window &&
    window.isSecureContext
  );
}

/** The notification permission of this site: granted, denied, or not asked yet ("default"). */
export function pushPermission(): NotificationPermission | 'unsupported' {
  return pushSupported() ? Notification.permission : 'unsupported';
}

/** The id (on the server) of the subscription made from this browser, if any. */
export function thisDeviceId(): string | null {
  try {
    return localStorage.getItem(DEVICE_KEY);
  } catch {
    return null;
  }
}

function rememberDevice(id: string | null): void {
  try {
    if (id) localStorage.setItem(DEVICE_KEY, id);
    else localStorage.removeItem(DEVICE_KEY);
  } catch {
    // Not remembered: the list then cannot tell which row is this browser.
  }
}

// The VAPID key is URL-safe base64; the Push API wants its bytes.
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const text = atob(padded);
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Why subscribing did not happen, for a message the person can act on. */
export type PushProblem = 'unsupported' | 'denied' | 'dismissed' | 'failed';

export class PushError extends Error {
  readonly problem: PushProblem;
  constructor(problem: PushProblem) {
    super(problem);
    this.name = 'PushError';
    this.problem = problem;
  }
}

/**
 * Subscribes this browser: registers the service worker (`/sw.js`, scope the whole site), asks the
 * permission, subscribes with the installation's VAPID key and sends the subscription to the server.
 */
export async function subscribeThisDevice(label: string): Promise<string> {
  if (!pushSupported()) throw new PushError('unsupported');
  const permission = await Notification.requestPermission();
  if (permission === 'denied') throw new PushError('denied');
  if (permission !== 'granted') throw new PushError('dismissed');
  let subscription: PushSubscription;
  try {
    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    const registration = await navigator.serviceWorker.ready;
    const { publicKey } = await call(api.GET('/api/notify/push/public-key'));
    subscription =
      (await registration.pushManager.getSubscription()) ??
      (await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(publicKey),
      }));
  } catch {
    throw new PushError('failed');
  }
  const json = subscription.toJSON();
  const device = await call(
    api.POST('/api/me/push-subscriptions', {
      body: {
        endpoint: json.endpoint ?? subscription.endpoint,
        keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
        label: label.slice(0, 100),
      },
    }),
  );
  rememberDevice(device.id);
  return device.id;
}

/** Removes a device's subscription on the server; for this browser, also ends it in the browser. */
export async function removeDevice(id: string): Promise<void> {
  await call(api.DELETE('/api/me/push-subscriptions/{id}', { params: { path: { id } } }));
  if (id !== thisDeviceId()) return;
  rememberDevice(null);
  if (!pushSupported()) return;
  try {
    const registration = await navigator.serviceWorker.getRegistration('/');
    await (await registration?.pushManager.getSubscription())?.unsubscribe();
  } catch {
    // The server no longer sends to it; the browser's copy expires by itself.
  }
}

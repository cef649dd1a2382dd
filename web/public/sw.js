// Civique's service worker: shows the web push notifications the server sends (payload built by
// src/platform/notify/deliver-push.ts) and opens their link on click. Served from the site's root so
// that its scope is the whole site.

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = { title: 'Civique', body: event.data ? event.data.text() : '' };
  }
  const actions = message.unsubscribeUrl
    ? [{ action: 'unsubscribe', title: message.unsubscribeLabel || 'Se désabonner / Unsubscribe' }]
    : [];
  event.waitUntil(
    self.registration.showNotification(message.title || 'Civique', {
      body: message.body || '',
      lang: message.lang || 'fr',
      tag: message.tag,
      icon: '/favicon.svg',
      badge: '/favicon.svg',
      data: { url: message.url || '/', unsubscribeUrl: message.unsubscribeUrl || null },
      actions,
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data || {};
  // The unsubscribe action opens the confirmation page; nothing changes until the person confirms there.
  const target = new URL(
    event.action === 'unsubscribe' && data.unsubscribeUrl ? data.unsubscribeUrl : data.url || '/',
    self.location.origin,
  ).href;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((w) => w.url === target);
      if (open) return open.focus();
      return self.clients.openWindow(target);
    })(),
  );
});

// The browser renewed the subscription (keys rotated, endpoint moved): register the new one.
self.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil(
    (async () => {
      const { publicKey } = await (await fetch('/api/notify/push/public-key')).json();
      const key = Uint8Array.from(atob(publicKey.replace(/-/g, '+').replace(/_/g, '/')), (c) =>
        c.charCodeAt(0),
      );
      const subscription = await self.registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: key,
      });
      const { token } = await (await fetch('/api/csrf', { credentials: 'same-origin' })).json();
      await fetch('/api/me/push-subscriptions', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        body: JSON.stringify(subscription.toJSON()),
      });
    })(),
  );
});

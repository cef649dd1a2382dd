// Civique's service worker: shows the web push notifications the server sends (payload built by
// src/platform/notify/deliver-push.ts) and opens their link on click. Served from the site's root so
// that its scope is the whole site.

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// App shell of the installable apps (the TaxiBus driver app registers this worker): pages come from the
// network and, offline, from the last page saved (every client route is the same index.html); built
// files (hashed names, never changed) and icons are kept once fetched. The API, feeds and downloads are
// never cached: they go to the network as if there were no worker.
const SHELL_CACHE = 'civique-shell-v1';
const isHtml = (response) => (response.headers.get('content-type') || '').startsWith('text/html');
const isApi = (path) =>
  path.startsWith('/api/') || path.startsWith('/feeds/') || path.startsWith('/open311/');

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.add('/'))
      .catch(() => {}),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith('civique-shell-') && k !== SHELL_CACHE)
            .map((k) => caches.delete(k)),
        ),
      ),
  );
});

// A page that becomes an app sends the built files it has already loaded (before this worker controlled
// it), so that the whole shell, code-split chunks included, opens offline.
self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type !== 'cache-shell' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u) => {
    const url = new URL(u, self.location.origin);
    return (
      url.origin === self.location.origin &&
      (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/icons/'))
    );
  });
  event.waitUntil(
    caches.open(SHELL_CACHE).then((cache) => Promise.all(urls.map((u) => cache.add(u).catch(() => {})))),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || isApi(url.pathname)) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok && isHtml(response)) {
            const copy = response.clone();
            event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.put('/', copy)));
          }
          return response;
        })
        .catch(async () => (await caches.match('/')) || Response.error()),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/icons/')) {
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.put(request, copy)));
            }
            return response;
          }),
      ),
    );
  }
});

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

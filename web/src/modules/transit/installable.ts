// Makes the driver page an installable app: links the organisation's driver app manifest (public, named
// in the browser's language) and registers the site's service worker, which keeps the app shell for
// offline use. Positions taken offline wait in local storage (DriverPage) and leave with the next batch.
import { useEffect } from 'react';

function addLink(rel: string, href: string): HTMLLinkElement {
  const link = document.createElement('link');
  link.rel = rel;
  link.href = href;
  document.head.append(link);
  return link;
}

/** Links the driver app manifest while the driver page is shown, and registers the service worker. */
export function useInstallableDriverApp(orgId: string): void {
  useEffect(() => {
    if (!orgId) return;
    const manifest = addLink('manifest', `/api/orgs/${orgId}/transit/driver/app.webmanifest`);
    const touchIcon = addLink('apple-touch-icon', '/icons/taxibus-192.png');
    // Same worker and scope as web push (one worker per scope): registering again is harmless.
    if ('serviceWorker' in navigator)
      navigator.serviceWorker
        .register('/sw.js', { scope: '/' })
        .then(() => navigator.serviceWorker.ready)
        .then((registration) => {
          // The files this page loaded before the worker was there: the worker keeps them for offline.
          const urls = performance
            .getEntriesByType('resource')
            .map((entry) => entry.name)
            .filter((url) => url.startsWith(`${location.origin}/assets/`));
          registration.active?.postMessage({ type: 'cache-shell', urls });
        })
        .catch(() => {
          // Without a worker (private mode, old browser) the page still works online.
        });
    return () => {
      manifest.remove();
      touchIcon.remove();
    };
  }, [orgId]);
}

// The job-fair kit: one self-contained HTML document (styles inline, QR codes as inline SVG, no script, no
// outside request) that regional staff save or print before a job fair and use with no connection. Each
// employer, resource person and event carries a QR code to its online page, so visitors carry it home.
import QRCode from 'qrcode';
import { listPublicContacts } from '../contacts/contacts.ts';
import { listDirectory } from '../places/employer-directory.ts';
import { plainText } from './markdown.ts';
import { pagePath } from './page-view.ts';
import { findRegion } from './policies.ts';
import type { PublicPageRequest } from './public-pages.ts';
import { listUpcomingEvents, siteMenu } from './public-site.ts';
import { esc, formatWhen } from './render-site.ts';

async function qr(url: string, label: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return svg.replace('<svg ', `<svg role="img" aria-label="${esc(label)}" width="96" height="96" `);
}

/** The kit in one language. */
export async function fairKit(req: PublicPageRequest): Promise<string> {
  const region = await findRegion(req.db, req.org);
  const l = req.locale;
  const fr = l === 'fr';
  const abs = (p: string) => `${req.publicUrl}${p}`;
  const [menu, employers, contacts, events] = await Promise.all([
    siteMenu(req.db, region.id),
    listDirectory(req.db, region),
    listPublicContacts(req.db, region),
    listUpcomingEvents(req.db, region.id, new Date(), 10),
  ]);
  const qrLabel = (name: string) =>
    fr ? `Code QR vers la page de ${name}` : `QR code to the page of ${name}`;
  const sections: string[] = [];
  const pages = menu.flatMap((m) => [m.item, ...m.children]);
  sections.push(
    `<h2>${fr ? 'Vivre ici' : 'Living here'}</h2><dl>${pages
      .map(
        ({ page, revision: r }) =>
          `<dt>${esc(fr ? r.titleFr : r.titleEn)}</dt><dd>${esc((fr ? r.summaryFr : r.summaryEn) || plainText(fr ? r.bodyFr : r.bodyEn, 240))} <span class="url">${esc(abs(pagePath(region.slug, page, l)))}</span></dd>`,
      )
      .join('')}</dl>`,
  );
  const employerCards = await Promise.all(
    employers.map(async (e) => {
      const url = abs(`/region/${region.slug}/${l}/employeurs/${e.slug}`);
      return `<li>${await qr(url, qrLabel(e.name))}<div><h3>${esc(e.name)}</h3><p>${esc(e.sector[l] || `SCIAN ${e.naicsCode}`)}${e.municipality ? ` — ${esc(e.municipality.name[l])}` : ''}</p><p>${e.openOffers} ${fr ? 'offre(s) en cours' : 'current offer(s)'}${e.housingHelp ? ` · ${fr ? 'aide au logement' : 'housing help'}` : ''}</p><p class="url">${esc(url)}</p></div></li>`;
    }),
  );
  sections.push(
    `<h2>${fr ? 'Employeurs' : 'Employers'} (${employers.length})</h2><ul class="kit">${employerCards.join('')}</ul>`,
  );
  const contactCards = await Promise.all(
    contacts.map(async (c) => {
      const url = abs(`/${region.slug}/region/contacts/${c.slug}`);
      return `<li>${await qr(url, qrLabel(c.name))}<div><h3>${esc(c.name)}</h3><p>${esc(c.role[l])}</p><p>${fr ? 'Langues' : 'Languages'} : ${esc(c.languages.join(', '))}</p><p class="url">${esc(url)}</p></div></li>`;
    }),
  );
  sections.push(
    `<h2>${fr ? 'Personnes-ressources : écrire ou prendre rendez-vous' : 'Resource people: write or book'}</h2><ul class="kit">${contactCards.join('')}</ul>`,
  );
  if (events.length) {
    sections.push(
      `<h2>${fr ? 'Événements à venir' : 'Coming events'}</h2><ul>${events
        .map(
          ({ page, revision: r }) =>
            `<li><strong>${esc(fr ? r.titleFr : r.titleEn)}</strong> — ${r.eventStartsAt ? esc(formatWhen(r.eventStartsAt, l)) : ''}${r.eventLocation ? `, ${esc(r.eventLocation)}` : ''} <span class="url">${esc(abs(pagePath(region.slug, page, l)))}</span></li>`,
        )
        .join('')}</ul>`,
    );
  }
  const title = fr ? `Trousse salon de l’emploi — ${region.name.fr}` : `Job fair kit — ${region.name.en}`;
  const generated = formatWhen(new Date(), l);
  return `<!doctype html>
<html lang="${l}-CA">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a;line-height:1.45}h1{color:#5b2c6f}ul.kit{list-style:none;padding:0;display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr))}ul.kit li{display:flex;gap:.75rem;border:1px solid #8a8a8a;border-radius:.4rem;padding:.5rem;break-inside:avoid}ul.kit h3{margin:.1rem 0}ul.kit p{margin:.2rem 0}.url{color:#4a4a4a;font-size:.85rem;overflow-wrap:anywhere}@media print{body{max-width:none}a{color:inherit}}</style>
</head>
<body>
<main>
<h1>${esc(title)}</h1>
<p>${fr ? `Document autonome, utilisable hors connexion (enregistrez-le ou imprimez-le). Généré le ${esc(generated)}.` : `Self-contained document, usable offline (save or print it). Generated ${esc(generated)}.`}</p>
${sections.join('\n')}
</main>
</body>
</html>`;
}

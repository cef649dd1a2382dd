// Server-rendered public pages of the regional site (home, content pages, news, events) and staff preview.
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { eventLd, jsonLdBlock, organizationLd } from './json-ld.ts';
import { getRevision } from './list-pages.ts';
import { plainText, renderMarkdown } from './markdown.ts';
import { pagePath } from './page-view.ts';
import { findRegion, type Region } from './policies.ts';
import {
  getPublishedItem,
  listNews,
  listUpcomingEvents,
  type PublishedItem,
  recordVisit,
  sectionChildren,
  siteMenu,
} from './public-site.ts';
import { esc, formatWhen, type Lang, type MenuEntry, type PageFrame, renderFrame, T } from './render-site.ts';
import type { SitePage, SitePageRevision } from './schema.ts';

/** What every public page handler receives. */
export interface PublicPageRequest {
  db: Database;
  org: string;
  locale: Lang;
  publicUrl: string;
  userAgent?: string;
}

const title = (r: SitePageRevision, l: Lang) => (l === 'fr' ? r.titleFr : r.titleEn);
const summary = (r: SitePageRevision, l: Lang) =>
  (l === 'fr' ? r.summaryFr : r.summaryEn) || plainText(l === 'fr' ? r.bodyFr : r.bodyEn);
const imageUrl = (region: Region) => (fileId: string) => `/region/${region.slug}/images/${fileId}`;

/** The menu of the site in one language. */
export async function menuFor(db: Database, region: Region, locale: Lang): Promise<MenuEntry[]> {
  const menu = await siteMenu(db, region.id);
  return menu.map((m) => ({
    title: title(m.item.revision, locale),
    path: pagePath(region.slug, m.item.page, locale),
    children: m.children.map((c) => ({
      title: title(c.revision, locale),
      path: pagePath(region.slug, c.page, locale),
    })),
  }));
}

/** Builds a frame with the region's menu and counts the visit. */
export async function publicFrame(
  req: PublicPageRequest,
  region: Region,
  f: Omit<PageFrame, 'region' | 'locale' | 'publicUrl' | 'menu'>,
): Promise<string> {
  await recordVisit(req.db, region.id, f.paths.fr, req.userAgent);
  return renderFrame({
    ...f,
    region,
    locale: req.locale,
    publicUrl: req.publicUrl,
    menu: await menuFor(req.db, region, req.locale),
  });
}

const both = (fn: (l: Lang) => string) => ({ fr: fn('fr'), en: fn('en') });

function listItems(region: Region, items: PublishedItem[], locale: Lang): string {
  if (!items.length) return '';
  return `<ul class="cards">${items
    .map(({ page, revision }) => {
      const when =
        page.kind === 'event' && revision.eventStartsAt
          ? formatWhen(revision.eventStartsAt, locale)
          : page.publishedAt
            ? formatWhen(page.publishedAt, locale, false)
            : '';
      return `<li><h3><a href="${esc(pagePath(region.slug, page, locale))}">${esc(title(revision, locale))}</a></h3>${when ? `<p class="meta">${esc(when)}</p>` : ''}<p>${esc(summary(revision, locale))}</p></li>`;
    })
    .join('')}</ul>`;
}

/** The home page: introduction, what the site offers, latest news and coming events. */
export async function homePage(req: PublicPageRequest): Promise<string> {
  const region = await findRegion(req.db, req.org);
  const l = req.locale;
  const t = T[l];
  const [news, events] = await Promise.all([
    listNews(req.db, region.id, 3),
    listUpcomingEvents(req.db, region.id, new Date(), 3),
  ]);
  const base = `/region/${region.slug}/${l}`;
  const intro =
    l === 'fr'
      ? `Vivre, travailler et s’installer dans la ${region.name.fr} : ${region.members.map((m) => m.name.fr).join(', ')}.`
      : `Living, working and settling in the ${region.name.en}: ${region.members.map((m) => m.name.en).join(', ')}.`;
  const body = `<h1>${esc(region.name[l])}</h1>
<p>${esc(intro)}</p>
<ul class="cards">
<li><h2><a href="${base}/lieux">${t.map}</a></h2><p>${l === 'fr' ? 'Services, écoles, santé, garderies, loisirs et aide au logement, municipalité par municipalité.' : 'Services, schools, health, daycare, leisure and housing help, town by town.'}</p></li>
<li><h2><a href="${base}/employeurs">${t.employers}</a></h2><p>${l === 'fr' ? 'Le bottin des employeurs de la région et leurs offres.' : 'The directory of the region’s employers and their offers.'}</p></li>
<li><h2><a href="${base}/personnes-ressources">${t.contacts}</a></h2><p>${l === 'fr' ? 'Parlez à la bonne personne, prenez rendez-vous.' : 'Talk to the right person, book an appointment.'}</p></li>
</ul>
${news.length ? `<h2>${t.news}</h2>${listItems(region, news, l)}` : ''}
${events.length ? `<h2>${t.events}</h2>${listItems(region, events, l)}` : ''}`;
  return publicFrame(req, region, {
    title: l === 'fr' ? 'S’installer dans la région' : 'Settle in the region',
    description: intro,
    paths: both((x) => `/region/${region.slug}/${x}`),
    body,
    jsonLd: [jsonLdBlock(organizationLd(region, `${req.publicUrl}/region/${region.slug}/${l}`, l))],
  });
}

function itemBody(
  region: Region,
  page: SitePage,
  r: SitePageRevision,
  l: Lang,
  children: PublishedItem[],
): string {
  const img = r.imageFileId
    ? `<img src="/region/${esc(region.slug)}/images/${esc(r.imageFileId)}" alt="${esc((l === 'fr' ? r.imageAltFr : r.imageAltEn) ?? '')}">`
    : '';
  const event =
    page.kind === 'event' && r.eventStartsAt
      ? `<dl><dt>${l === 'fr' ? 'Quand' : 'When'}</dt><dd>${esc(formatWhen(r.eventStartsAt, l))}${r.eventEndsAt ? ` – ${esc(formatWhen(r.eventEndsAt, l))}` : ''}</dd>${r.eventLocation ? `<dt>${l === 'fr' ? 'Où' : 'Where'}</dt><dd>${esc(r.eventLocation)}${r.eventAddress ? `, ${esc(r.eventAddress)}` : ''}</dd>` : ''}</dl>`
      : '';
  const dated =
    page.kind === 'news' && page.publishedAt
      ? `<p class="meta">${esc(formatWhen(page.publishedAt, l, false))}</p>`
      : '';
  const sub = children.length
    ? `<h2>${l === 'fr' ? 'Dans cette section' : 'In this section'}</h2>${listItems(region, children, l)}`
    : '';
  return `<article><h1>${esc(title(r, l))}</h1>${dated}${img}${event}${renderMarkdown(l === 'fr' ? r.bodyFr : r.bodyEn, imageUrl(region))}</article>${sub}`;
}

function itemFrame(
  req: PublicPageRequest,
  region: Region,
  page: SitePage,
  r: SitePageRevision,
  children: PublishedItem[],
): Omit<PageFrame, 'region' | 'locale' | 'publicUrl' | 'menu'> {
  const l = req.locale;
  const paths = both((x) => pagePath(region.slug, page, x));
  const img = r.imageFileId ? `${req.publicUrl}/region/${region.slug}/images/${r.imageFileId}` : null;
  const jsonLd =
    page.kind === 'event' && r.eventStartsAt
      ? [
          jsonLdBlock(
            eventLd({
              name: title(r, l),
              description: summary(r, l),
              startsAt: r.eventStartsAt,
              endsAt: r.eventEndsAt,
              location: r.eventLocation,
              address: r.eventAddress,
              url: `${req.publicUrl}${paths[l]}`,
              imageUrl: img,
              region,
              locale: l,
            }),
          ),
        ]
      : [];
  return {
    title: title(r, l),
    description: summary(r, l),
    paths,
    body: itemBody(region, page, r, l, children),
    jsonLd,
    ogType: page.kind === 'page' ? 'website' : 'article',
    imageUrl: img,
  };
}

/** A published content page, news item or event. */
export async function contentPage(
  req: PublicPageRequest & { kind: 'page' | 'news' | 'event'; slug: string },
): Promise<string> {
  const region = await findRegion(req.db, req.org);
  const { page, revision } = await getPublishedItem(req.db, region.id, req.kind, req.slug);
  const children = req.kind === 'page' ? await sectionChildren(req.db, region.id, page.slug) : [];
  return publicFrame(req, region, itemFrame(req, region, page, revision, children));
}

/** The list of news or of coming events. */
export async function listingPage(req: PublicPageRequest & { kind: 'news' | 'event' }): Promise<string> {
  const region = await findRegion(req.db, req.org);
  const l = req.locale;
  const items =
    req.kind === 'news'
      ? await listNews(req.db, region.id, 50)
      : await listUpcomingEvents(req.db, region.id, new Date());
  const heading = req.kind === 'news' ? T[l].news : T[l].events;
  const segment = req.kind === 'news' ? 'actualites' : 'evenements';
  const empty = l === 'fr' ? 'Rien pour le moment.' : 'Nothing at the moment.';
  return publicFrame(req, region, {
    title: heading,
    description: `${heading} — ${region.name[l]}`,
    paths: both((x) => `/region/${region.slug}/${x}/${segment}`),
    body: `<h1>${heading}</h1>${listItems(region, items, l) || `<p>${empty}</p>`}`,
    jsonLd:
      req.kind === 'event'
        ? items.flatMap(({ page, revision: r }) =>
            r.eventStartsAt
              ? [
                  jsonLdBlock(
                    eventLd({
                      name: title(r, l),
                      description: summary(r, l),
                      startsAt: r.eventStartsAt,
                      endsAt: r.eventEndsAt,
                      location: r.eventLocation,
                      address: r.eventAddress,
                      url: `${req.publicUrl}${pagePath(region.slug, page, l)}`,
                      imageUrl: null,
                      region,
                      locale: l,
                    }),
                  ),
                ]
              : [],
          )
        : [],
  });
}

/** Staff preview of any revision (a draft included): the public frame, marked, never indexed nor counted. */
export async function previewPage(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  pageId: string;
  revision?: number;
  locale: Lang;
  publicUrl: string;
}): Promise<string> {
  const first = await getRevision({ ...options, revision: options.revision ?? 1 });
  const region = await findRegion(options.db, options.orgId);
  const r =
    options.revision === undefined && first.page.latestRevision !== first.revision.number
      ? (await getRevision({ ...options, revision: first.page.latestRevision })).revision
      : first.revision;
  const req = { db: options.db, org: region.id, locale: options.locale, publicUrl: options.publicUrl };
  const frame = itemFrame(req, region, first.page, r, []);
  const banner =
    options.locale === 'fr'
      ? `Aperçu de la version ${r.number} — non publiée tant que vous ne la publiez pas.`
      : `Preview of revision ${r.number} — not public until you publish it.`;
  return renderFrame({
    ...frame,
    region,
    locale: options.locale,
    publicUrl: options.publicUrl,
    menu: await menuFor(options.db, region, options.locale),
    noindex: true,
    banner,
  });
}

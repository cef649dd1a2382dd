// A CAP 1.2 document following the Canadian profile (CAP-CP), and the Atom index of an organisation's
// alerts: pure rendering of stored rows (the XSD test validates what this produces).
import { XMLBuilder } from 'fast-xml-parser';
import type { LatLon } from './area.ts';
import { findEvent } from './event-codes.ts';
import type { AlertRow } from './schema.ts';

/** The organisation as CAP names it. */
export interface CapSender {
  slug: string;
  kind: 'municipality' | 'mrc';
  geoCode: string;
  name: { fr: string; en: string };
}

const CAP_NS = 'urn:oasis:names:tc:emergency:cap:1.2';
/** The CAP-CP version this document follows, and the versions of its event and location lists. */
export const CAP_CP_PROFILE = 'profile:CAP-CP:0.4';
export const CAP_CP_EVENT = 'profile:CAP-CP:Event:0.4';
export const CAP_CP_LOCATION = 'profile:CAP-CP:Location:0.3';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true });

/** CAP date-time: seconds precision, numeric offset, UTC written `-00:00` (CAP 1.2 forbids `Z`). */
export function capDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}-00:00`;
}

/** The host part of the public address, used in identifiers and the sender. */
function hostOf(publicUrl: string): string {
  return new URL(publicUrl).host.replace(/[^A-Za-z0-9.-]/g, '-');
}

/** A message's CAP identifier: unique, stable, without the spaces, commas or `<&` CAP forbids. */
export function capIdentifier(publicUrl: string, org: CapSender, id: string): string {
  return `urn:civique:${hostOf(publicUrl)}:${org.slug}:alert:${id}`;
}

/** The CAP sender of an organisation. */
export function capSender(publicUrl: string, org: CapSender): string {
  return `alertes-${org.slug}@${hostOf(publicUrl)}`;
}

/**
 * Statistics Canada's Standard Geographical Classification code of the town (the CAP-CP location code):
 * the province (24 for Quebec) followed by the MAMH five-digit code of the census subdivision.
 */
export function sgcCode(org: CapSender): string | null {
  return org.kind === 'municipality' && /^\d{5}$/.test(org.geoCode) ? `24${org.geoCode}` : null;
}

const coord = (p: LatLon) => `${round(p[0])},${round(p[1])}`;
const round = (n: number) => String(Math.round(n * 1e5) / 1e5);

/** The public page of an alert chain. */
export function alertPageUrl(publicUrl: string, org: CapSender, rootId: string): string {
  return `${publicUrl}/${org.slug}/alertes/${rootId}`;
}

/** The stable address of one CAP message. */
export function capUrl(publicUrl: string, org: CapSender, id: string): string {
  return `${publicUrl}/feeds/${org.slug}/alerts/${id}.xml`;
}

/**
 * One CAP message. `earlier` are the messages of the chain sent before it, oldest first: an update or a
 * cancellation references all of them (CAP-CP), as `sender,identifier,sent` triples.
 */
export function renderCap(options: {
  alert: AlertRow;
  earlier: readonly AlertRow[];
  org: CapSender;
  publicUrl: string;
}): string {
  const { alert, org, publicUrl } = options;
  if (!alert.sentAt) throw new Error('only sent alerts are published');
  const sender = capSender(publicUrl, org);
  const event = findEvent(alert.eventCode);
  const sgc = sgcCode(org);
  const area = alert.area;
  const areaXml = (desc: string) => ({
    areaDesc: desc,
    ...(area.kind === 'polygon' ? { polygon: area.points.map(coord).join(' ') } : {}),
    // CAP allows several polygons in one area: one per chosen sector, each closed.
    ...(area.kind === 'sectors'
      ? { polygon: area.sectors.map((s) => [...s.points, s.points[0] as LatLon].map(coord).join(' ')) }
      : {}),
    ...(area.kind === 'circle' ? { circle: `${coord(area.center)} ${round(area.radiusKm)}` } : {}),
    ...(sgc ? { geocode: [{ valueName: CAP_CP_LOCATION, value: sgc }] } : {}),
  });
  const info = (lang: 'fr' | 'en') => ({
    language: lang === 'fr' ? 'fr-CA' : 'en-CA',
    category: event?.category ?? 'Other',
    event: event ? event.name[lang] : alert.eventCode,
    responseType: alert.msgType === 'Cancel' ? 'AllClear' : 'Monitor',
    urgency: alert.urgency,
    severity: alert.severity,
    certainty: alert.certainty,
    audience: lang === 'fr' ? 'Grand public' : 'General public',
    eventCode: [{ valueName: CAP_CP_EVENT, value: alert.eventCode }],
    effective: capDateTime(alert.sentAt as Date),
    expires: capDateTime(alert.expiresAt),
    senderName: org.name[lang],
    headline: lang === 'fr' ? alert.headlineFr : alert.headlineEn,
    description: lang === 'fr' ? alert.descriptionFr : alert.descriptionEn,
    instruction: lang === 'fr' ? alert.instructionFr : alert.instructionEn,
    web: alertPageUrl(publicUrl, org, alert.rootId),
    area: areaXml(lang === 'fr' ? alert.areaDescFr : alert.areaDescEn),
  });
  const references = options.earlier
    .filter((m) => m.sentAt)
    .map((m) => `${sender},${capIdentifier(publicUrl, org, m.id)},${capDateTime(m.sentAt as Date)}`)
    .join(' ');
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    alert: {
      '@_xmlns': CAP_NS,
      identifier: capIdentifier(publicUrl, org, alert.id),
      sender,
      sent: capDateTime(alert.sentAt),
      status: alert.status,
      msgType: alert.msgType,
      source: `Civique - ${org.name.fr}`,
      scope: 'Public',
      code: [CAP_CP_PROFILE],
      ...(references ? { references } : {}),
      incidents: capIdentifier(publicUrl, org, alert.rootId),
      info: [info('fr'), info('en')],
    },
  };
  return builder.build(doc);
}

/** The Atom feed listing an organisation's CAP messages, newest first. */
export function renderAtom(options: {
  org: CapSender;
  publicUrl: string;
  alerts: readonly AlertRow[];
  locale: 'fr' | 'en';
}): string {
  const { org, publicUrl } = options;
  const self = `${publicUrl}/feeds/${org.slug}/alerts.atom`;
  const sent = options.alerts.filter((a) => a.sentAt);
  const updated = sent[0]?.sentAt ?? new Date(0);
  const name = org.name[options.locale];
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    feed: {
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      '@_xml:lang': options.locale === 'fr' ? 'fr-CA' : 'en-CA',
      id: `urn:civique:${org.slug}:alerts`,
      title: options.locale === 'fr' ? `Alertes – ${name}` : `Alerts – ${name}`,
      updated: (updated as Date).toISOString(),
      author: { name },
      link: [
        { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': self },
        { '@_rel': 'alternate', '@_type': 'text/html', '@_href': `${publicUrl}/${org.slug}/alertes` },
      ],
      entry: sent.map((a) => ({
        id: capIdentifier(publicUrl, org, a.id),
        title: `${a.status === 'Test' ? '[TEST] ' : ''}${a.msgType === 'Alert' ? '' : `${a.msgType}: `}${
          options.locale === 'fr' ? a.headlineFr : a.headlineEn
        }`,
        updated: (a.sentAt as Date).toISOString(),
        published: (a.sentAt as Date).toISOString(),
        link: {
          '@_rel': 'alternate',
          '@_type': 'application/cap+xml',
          '@_href': capUrl(publicUrl, org, a.id),
        },
        summary: options.locale === 'fr' ? a.instructionFr : a.instructionEn,
      })),
    },
  };
  return builder.build(doc);
}

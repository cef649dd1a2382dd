import PDFDocument from 'pdfkit';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import { type ExportTable, tableToCsv, tableToXlsx } from '../../../platform/audit/table-export.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import { getNeed } from './needs.ts';

const KIND_LABELS: Record<string, { fr: string; en: string }> = {
  posted: { fr: 'Besoin affiché', en: 'Need posted' },
  considered: { fr: 'Considéré', en: 'Considered' },
  skipped: { fr: 'Passé', en: 'Passed over' },
  offered: { fr: 'Offre envoyée', en: 'Offer sent' },
  accepted: { fr: 'Acceptée', en: 'Accepted' },
  refused: { fr: 'Refusée', en: 'Refused' },
  expired: { fr: 'Délai écoulé', en: 'Window expired' },
  withdrawn: { fr: 'Offre retirée', en: 'Offer withdrawn' },
  phone_call: { fr: 'Appel téléphonique', en: 'Phone call' },
  filled: { fr: 'Comblé', en: 'Filled' },
  unfilled: { fr: 'Non comblé (liste épuisée)', en: 'Unfilled (list exhausted)' },
  cancelled: { fr: 'Annulé', en: 'Cancelled' },
};

const REASON_LABELS: Record<string, { fr: string; en: string }> = {
  inactive: { fr: 'inactif', en: 'inactive' },
  already_offered: { fr: 'déjà sollicité', en: 'already offered' },
  absent: { fr: 'absent', en: 'absent' },
  unavailable: { fr: 'non disponible', en: 'unavailable' },
  unqualified: { fr: 'qualification manquante', en: 'missing qualification' },
  overlap: { fr: 'autre quart en même temps', en: 'another shift at the same time' },
  min_rest: { fr: 'repos minimal non respecté', en: 'minimum rest not met' },
  max_hours: { fr: 'maximum d’heures dépassé', en: 'maximum hours exceeded' },
  refusal_limit: { fr: 'limite de refus atteinte', en: 'refusal limit reached' },
  filled: { fr: 'besoin comblé', en: 'need filled' },
  cancelled: { fr: 'besoin annulé', en: 'need cancelled' },
  accepted: { fr: 'a accepté', en: 'accepted' },
  refused: { fr: 'a refusé', en: 'refused' },
  no_answer: { fr: 'pas de réponse', en: 'no answer' },
  message_left: { fr: 'message laissé', en: 'message left' },
};

const stamp = (iso: string) =>
  new Intl.DateTimeFormat('fr-CA', {
    timeZone: 'America/Toronto',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(new Date(iso));

/** Readable label of a log reason (skip reason, call outcome …). */
export function reasonLabel(reason: string | null, locale: Locale): string {
  if (!reason) return '';
  return REASON_LABELS[reason]?.[locale] ?? reason;
}

/**
 * The grievance log of one need as a file (CSV, XLSX or PDF): every entry in order with its time, what
 * happened, who, their rank, why, and the entry's hash; the PDF states whether the chain is whole.
 * Exporting is audited.
 */
export async function exportNeedLog(options: {
  db: Database;
  auth: AuthContext | null;
  ip?: string;
  orgId: string;
  needId: string;
  locale: Locale;
  format: 'csv' | 'xlsx' | 'pdf';
}) {
  const need = await getNeed(options);
  const l = options.locale;
  const fr = l === 'fr';
  const table: ExportTable = {
    columns: [
      { key: 'seq', header: '#', width: 6 },
      { key: 'at', header: fr ? 'Moment (heure du Québec)' : 'Time (Quebec)', width: 22 },
      { key: 'kind', header: fr ? 'Événement' : 'Event', width: 22 },
      { key: 'rank', header: fr ? 'Rang' : 'Rank', width: 8 },
      { key: 'employee', header: fr ? 'Personne' : 'Person', width: 26 },
      { key: 'reason', header: fr ? 'Motif / réponse' : 'Reason / answer', width: 28 },
      { key: 'details', header: fr ? 'Détails' : 'Details', width: 50 },
      { key: 'hash', header: fr ? 'Empreinte SHA-256' : 'SHA-256 hash', width: 66 },
    ],
    rows: need.log.map((e) => ({
      seq: e.seq,
      at: stamp(e.at),
      kind: KIND_LABELS[e.kind]?.[l] ?? e.kind,
      rank: e.rank,
      employee: e.employeeName,
      reason: reasonLabel(e.reason, l),
      details: JSON.stringify(e.details),
      hash: e.hash,
    })),
  };
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: options.auth?.account.id ?? null,
    action: 'callback.log_exported',
    targetType: 'callback_need',
    targetId: need.id,
    ip: options.ip ?? null,
    details: { format: options.format, entries: need.log.length },
  });
  const name = `rappel-${need.reference}`;
  if (options.format === 'csv') return { name, body: tableToCsv(table) };
  if (options.format === 'xlsx') return { name, body: await tableToXlsx(table, need.reference) };
  return { name, body: await logPdf(need, table, l) };
}

async function logPdf(
  need: Awaited<ReturnType<typeof getNeed>>,
  table: ExportTable,
  l: Locale,
): Promise<Buffer> {
  const fr = l === 'fr';
  const doc = new PDFDocument({
    size: 'LETTER',
    layout: 'landscape',
    margin: 40,
    tagged: true,
    lang: fr ? 'fr-CA' : 'en-CA',
    displayTitle: true,
    info: { Title: `${fr ? 'Journal de rappel' : 'Call-back log'} ${need.reference}`, Author: 'Civique' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(16).text(`${fr ? 'Journal de rappel' : 'Call-back log'} — ${need.reference}`);
  doc
    .fontSize(10)
    .text(
      `${need.jobClass} · ${need.place} · ${stamp(need.startsAt)} → ${stamp(need.endsAt)} · ${fr ? 'statut' : 'status'} : ${need.status}`,
    );
  doc.text(
    need.chain.ok
      ? fr
        ? `Chaîne d’empreintes vérifiée : ${need.log.length} entrées, aucune retirée ni modifiée.`
        : `Hash chain verified: ${need.log.length} entries, none removed or altered.`
      : fr
        ? `ATTENTION : chaîne d’empreintes rompue à l’entrée ${need.chain.brokenAt}.`
        : `WARNING: hash chain broken at entry ${need.chain.brokenAt}.`,
  );
  doc.moveDown();
  for (const row of table.rows) {
    doc
      .fontSize(9)
      .text(
        `${row.seq}. ${row.at} — ${row.kind}${row.rank ? ` — ${fr ? 'rang' : 'rank'} ${row.rank}` : ''}${row.employee ? ` — ${row.employee}` : ''}${row.reason ? ` — ${row.reason}` : ''}`,
      );
    if (row.details && row.details !== '{}')
      doc.fontSize(7).fillColor('#444444').text(String(row.details)).fillColor('black');
  }
  doc
    .moveDown()
    .fontSize(7)
    .text(`${fr ? 'Dernière empreinte' : 'Last hash'} : ${need.log.at(-1)?.hash ?? ''}`);
  doc.end();
  return done;
}

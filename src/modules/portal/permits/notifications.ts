import type { Executor } from '../../../platform/db/client.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { defineNotification } from '../../../platform/notify/notification-templates.ts';
import { notify } from '../../../platform/notify/notify.ts';
import type { PermitStatus } from './state-machine.ts';

const STATUS_TEXT: Record<PermitStatus, { fr: string; en: string }> = {
  draft: { fr: 'brouillon', en: 'draft' },
  awaiting_payment: { fr: 'en attente de paiement', en: 'awaiting payment' },
  submitted: { fr: 'reçue', en: 'received' },
  info_requested: { fr: 'renseignements demandés', en: 'information requested' },
  under_review: { fr: 'en analyse', en: 'under review' },
  inspection_scheduled: { fr: 'inspection prévue', en: 'inspection scheduled' },
  issued: { fr: 'permis délivré', en: 'permit issued' },
  refused: { fr: 'refusée', en: 'refused' },
  final_inspection_scheduled: { fr: 'inspection finale prévue', en: 'final inspection scheduled' },
  closed: { fr: 'fermée', en: 'closed' },
  expired: { fr: 'permis expiré', en: 'permit expired' },
  withdrawn: { fr: 'retirée', en: 'withdrawn' },
  acknowledged: { fr: 'déclaration reçue', en: 'declaration acknowledged' },
};

/** Names of a step in both languages (e-mails, PDF, open data). */
export function statusText(status: PermitStatus): { fr: string; en: string } {
  return STATUS_TEXT[status];
}

interface UpdateParams extends Record<string, unknown> {
  reference: string;
  status: PermitStatus;
  typeName: { fr: string; en: string };
  message?: string | null;
  url: string;
}

/** The applicant learns of each step of their file, in their language. */
export const PERMIT_UPDATE = defineNotification<UpdateParams>('portal.permit_update', {
  subject: (p, l) =>
    l === 'fr'
      ? `Votre demande ${p.reference} : ${STATUS_TEXT[p.status].fr}`
      : `Your application ${p.reference}: ${STATUS_TEXT[p.status].en}`,
  text: (p, l) =>
    [
      l === 'fr'
        ? `Votre demande « ${p.typeName.fr} » (${p.reference}) est maintenant à l’étape : ${STATUS_TEXT[p.status].fr}.`
        : `Your application “${p.typeName.en}” (${p.reference}) is now at this step: ${STATUS_TEXT[p.status].en}.`,
      p.message ? `\n${p.message}` : '',
      l === 'fr' ? `\nSuivre votre dossier : ${p.url}` : `\nFollow your file: ${p.url}`,
    ].join('\n'),
  short: (p, l) =>
    l === 'fr'
      ? `${p.reference} : ${STATUS_TEXT[p.status].fr}`
      : `${p.reference}: ${STATUS_TEXT[p.status].en}`,
  url: (p) => p.url,
});

/** Tells the applicant of a file's new step (after the change committed). */
export async function notifyApplicant(
  ctx: { db: Executor; jobs: JobQueue; publicUrl: string },
  file: {
    orgId: string;
    orgSlug: string;
    applicantAccountId: string | null;
    id: string;
    reference: string;
    status: PermitStatus;
    typeName: { fr: string; en: string };
    message?: string | null;
  },
): Promise<void> {
  if (!file.applicantAccountId) return;
  await notify(
    { db: ctx.db, jobs: ctx.jobs },
    {
      accountId: file.applicantAccountId,
      orgId: file.orgId,
      category: 'requests',
      template: PERMIT_UPDATE,
      params: {
        reference: file.reference,
        status: file.status,
        typeName: file.typeName,
        message: file.message ?? null,
        url: `${ctx.publicUrl}/${file.orgSlug}/permits/applications/${file.id}`,
      },
    },
  );
}

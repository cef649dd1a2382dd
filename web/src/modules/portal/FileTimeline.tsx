import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format.ts';
import type { PermitFile } from './shared.tsx';

/** The steps of a file as a list, oldest first, with messages and scheduled dates. */
export function FileTimeline({ file }: { file: PermitFile }) {
  const { t } = useTranslation('portal');
  return (
    <ol className="portal-timeline">
      {file.events.map((e) => (
        <li key={e.id}>
          <strong>{t(`status.${e.toStatus}`)}</strong> — {formatDateTime(e.at)}
          {e.scheduledAt && (
            <>
              <br />
              {t('file.scheduledFor', { date: formatDateTime(e.scheduledAt) })}
            </>
          )}
          {e.message && e.message !== 'sandbox' && (
            <>
              <br />
              <q>{e.message}</q>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Where the file stands on its legal clock. */
export function ClockLine({ file }: { file: PermitFile }) {
  const { t } = useTranslation('portal');
  if (file.kind !== 'permit' || !file.submittedAt) return null;
  const c = file.clock;
  return (
    <p>
      {t('file.clock', { elapsed: c.elapsedBusinessDays, legal: c.legalDelayDays })}{' '}
      {c.running ? t('file.clockRunning') : t('file.clockStopped')}
      {c.overdue ? ` ${t('file.overdue')}` : ''}
    </p>
  );
}

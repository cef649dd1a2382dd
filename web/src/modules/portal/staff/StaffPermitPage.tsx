import '../portal.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { TextAreaField, TextField } from '../../../ui/Field.tsx';
import { Loadable } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useStaff } from '../../staff/context.ts';
import { ClockLine, FileTimeline } from '../FileTimeline.tsx';
import { StatusBadge, useBilingual, useMoney } from '../shared.tsx';

type Action =
  | 'mark_complete'
  | 'request_info'
  | 'schedule_inspection'
  | 'approve'
  | 'refuse'
  | 'schedule_final_inspection'
  | 'close';
const STAFF_ACTIONS: readonly Action[] = [
  'mark_complete',
  'request_info',
  'schedule_inspection',
  'approve',
  'refuse',
  'schedule_final_inspection',
  'close',
];

/** One permit file for staff: what was asked, documents, history, and the actions its step allows. */
export function StaffPermitPage() {
  const { t } = useTranslation('portal');
  const { t: common } = useTranslation();
  const { org, base } = useStaff();
  const { id: fileId } = useParams();
  const client = useQueryClient();
  const bi = useBilingual();
  const money = useMoney();
  const id = useId();
  const queryKey = ['portal', org.id, 'staff-permit', fileId];
  const file = useQuery({
    queryKey,
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/portal/permits/staff/applications/{id}', {
          params: { path: { orgId: org.id, id: fileId ?? '' } },
        }),
      ),
  });
  const [action, setAction] = useState<Action | null>(null);
  const [text, setText] = useState('');
  const [when, setWhen] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (chosen: Action) => {
    setBusy(true);
    setProblem(null);
    try {
      const body =
        chosen === 'approve'
          ? { action: chosen, conditions: text }
          : chosen === 'refuse'
            ? { action: chosen, reason: text }
            : chosen === 'schedule_inspection' || chosen === 'schedule_final_inspection'
              ? {
                  action: chosen,
                  scheduledAt: when ? new Date(when).toISOString() : undefined,
                  message: text || undefined,
                }
              : { action: chosen, message: text || undefined };
      const next = await call(
        api.POST('/api/orgs/{orgId}/portal/permits/staff/applications/{id}/actions', {
          params: { path: { orgId: org.id, id: fileId ?? '' } },
          body,
        }),
      );
      client.setQueryData(queryKey, next);
      setAction(null);
      setText('');
      setWhen('');
    } catch (caught) {
      setProblem(errorMessage(caught, common));
    } finally {
      setBusy(false);
    }
  };
  const openDocument = async (fileRef: string) => {
    try {
      const link = await call(
        api.GET('/api/files/{orgId}/{id}/link', { params: { path: { orgId: org.id, id: fileRef } } }),
      );
      window.location.assign(link.url);
    } catch (caught) {
      setProblem(errorMessage(caught, common));
    }
  };
  return (
    <Loadable query={file}>
      {(f) => {
        const actions = STAFF_ACTIONS.filter((a) => f.allowedActions.includes(a));
        return (
          <Page title={t('file.title', { reference: f.reference })}>
            <p className="lead">
              {bi(f.type.name)} · <StatusBadge status={f.status} label={t(`status.${f.status}`)} /> ·{' '}
              <Link to={`${base}/modules/urban_planning/permits`}>{t('staff.files')}</Link>
            </p>
            {problem && <Alert tone="error">{problem}</Alert>}
            <dl className="portal-facts">
              <dt>{t('staff.applicant')}</dt>
              <dd>{f.applicant ? `${f.applicant.name} <${f.applicant.email}>` : '—'}</dd>
              <dt>{t('permits.address')}</dt>
              <dd>{f.property.address ?? '—'}</dd>
              <dt>{t('roll.matricule')}</dt>
              <dd>{f.property.matricule ?? '—'}</dd>
              <dt>{t('roll.lots')}</dt>
              <dd>{f.property.lots.join(', ') || '—'}</dd>
              <dt>{t('file.fee')}</dt>
              <dd>
                {money(f.feeCents)}
                {f.order ? ` (${f.order.reference}, ${f.order.status})` : ''}
              </dd>
              <dt>{t('apply.description')}</dt>
              <dd>{f.description || '—'}</dd>
              {Object.entries(f.answers).map(([k, v]) => (
                <div key={k} style={{ display: 'contents' }}>
                  <dt>{k}</dt>
                  <dd>{String(v)}</dd>
                </div>
              ))}
            </dl>
            <ClockLine file={f} />
            {f.permit && (
              <p>
                {t('file.permit', { number: f.permit.number })} ·{' '}
                <a href={`/api/orgs/${org.id}/portal/permits/applications/${f.id}/permit.pdf`}>
                  {t('file.downloadPdf')}
                </a>
              </p>
            )}
            <h2>{t('file.documents')}</h2>
            {f.documents.length === 0 ? (
              <p>—</p>
            ) : (
              <ul>
                {f.documents.map((d) => (
                  <li key={d.id}>
                    <Button variant="link" onClick={() => void openDocument(d.fileId)}>
                      {d.name} ({d.documentKey})
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            {actions.length > 0 && (
              <section aria-labelledby={`${id}-actions`} className="card">
                <h2 id={`${id}-actions`}>{t('staff.actions')}</h2>
                <div className="button-row">
                  {actions.map((a) => (
                    <Button
                      key={a}
                      variant={action === a ? 'primary' : 'secondary'}
                      aria-pressed={action === a}
                      onClick={() => setAction(a)}
                    >
                      {t(`action.${a}`)}
                    </Button>
                  ))}
                </div>
                {action && (
                  <form
                    className="form"
                    onSubmit={(event) => {
                      event.preventDefault();
                      void run(action);
                    }}
                  >
                    {(action === 'schedule_inspection' || action === 'schedule_final_inspection') && (
                      <TextField
                        id={`${id}-when`}
                        type="datetime-local"
                        label={t('staff.when')}
                        value={when}
                        onChange={(e) => setWhen(e.target.value)}
                      />
                    )}
                    <TextAreaField
                      id={`${id}-text`}
                      label={
                        action === 'approve'
                          ? t('staff.conditions')
                          : action === 'refuse'
                            ? t('staff.reasons')
                            : t('staff.message')
                      }
                      optional={action !== 'refuse' && action !== 'request_info'}
                      value={text}
                      onChange={(e) => setText(e.target.value)}
                    />
                    <Button type="submit" busy={busy}>
                      {t('staff.confirm', { action: t(`action.${action}`) })}
                    </Button>
                  </form>
                )}
              </section>
            )}
            <h2>{t('file.history')}</h2>
            <FileTimeline file={f} />
          </Page>
        );
      }}
    </Loadable>
  );
}

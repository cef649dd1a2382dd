import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../../app/api.ts';
import { Alert } from '../../../../ui/Alert.tsx';
import { Button } from '../../../../ui/Button.tsx';
import { ErrorSummary } from '../../../../ui/ErrorSummary.tsx';
import { SelectField, TextAreaField } from '../../../../ui/Field.tsx';
import { useBilingual } from '../shared.tsx';
import type { useStaffLookups } from './common.tsx';

/** One action (a status with its message, or an assignment) applied to the requests ticked in the queue. */
export function BulkActions({
  orgId,
  ids,
  onDone,
  lookups,
}: {
  orgId: string;
  ids: string[];
  onDone: () => void;
  lookups: ReturnType<typeof useStaffLookups>;
}) {
  const { t } = useTranslation('citizen');
  const bi = useBilingual();
  const [kind, setKind] = useState<'status' | 'assign'>('status');
  const [status, setStatus] = useState('acknowledged');
  const [assignee, setAssignee] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (ids.length === 0) return <p className="muted">{t('requests.staff.bulkHint')}</p>;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const done = await call(
        api.POST('/api/orgs/{orgId}/staff/requests/bulk', {
          params: { path: { orgId } },
          body: {
            ids,
            action:
              kind === 'status'
                ? { type: 'status', status, message: message.trim() || null }
                : { type: 'assign', assigneeAccountId: assignee || null },
          },
        }),
      );
      setResult(t('requests.staff.bulkDone', { updated: done.updated, skipped: done.skipped.length }));
      setMessage('');
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };
  return (
    <form className="req-panel" onSubmit={submit} aria-label={t('requests.staff.bulkTitle')}>
      <h2>{t('requests.staff.bulkTitle', { count: ids.length })}</h2>
      <ErrorSummary error={error} />
      {result && <Alert tone="success">{result}</Alert>}
      <SelectField
        id="bulk-kind"
        label={t('requests.staff.bulkAction')}
        value={kind}
        onChange={(e) => setKind(e.target.value === 'assign' ? 'assign' : 'status')}
      >
        <option value="status">{t('requests.staff.changeStatus')}</option>
        <option value="assign">{t('requests.staff.assign')}</option>
      </SelectField>
      {kind === 'status' ? (
        <>
          <SelectField
            id="bulk-status"
            label={t('requests.staff.newStatus')}
            value={status}
            onChange={(e) => setStatus(e.target.value)}
          >
            {lookups.statuses.map((s) => (
              <option key={s.code} value={s.code}>
                {bi(s.label)}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            id="bulk-message"
            label={t('requests.staff.publicMessage')}
            optional
            value={message}
            onChange={(e) => setMessage(e.target.value)}
          />
        </>
      ) : (
        <SelectField
          id="bulk-assignee"
          label={t('requests.staff.assignee')}
          value={assignee}
          onChange={(e) => setAssignee(e.target.value)}
        >
          <option value="">{t('requests.staff.nobody')}</option>
          {lookups.assignees.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </SelectField>
      )}
      <Button type="submit" busy={pending}>
        {t('requests.staff.bulkApply', { count: ids.length })}
      </Button>
    </form>
  );
}

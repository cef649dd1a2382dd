import './callback.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { formatDate, formatDateTime } from '../../../ui/format.ts';
import { Loadable } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useForm } from '../../../ui/useForm.ts';
import { useStaff } from '../../staff/context.ts';
import { EmployeeForm } from './EmployeeForm.tsx';
import { AvailabilityGrid, CallbackNav } from './shared.tsx';

/** One person's file (the visit is audited): record, availabilities with their history, absences. */
export function EmployeePage() {
  const { t } = useTranslation('callback');
  const { org, base } = useStaff();
  const { employeeId = '' } = useParams();
  const client = useQueryClient();
  const [saved, setSaved] = useState(false);
  const key = ['callback', org.id, 'employee', employeeId];
  const file = useQuery({
    queryKey: key,
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/callback/employees/{id}', {
          params: { path: { orgId: org.id, id: employeeId } },
        }),
      ),
  });
  return (
    <Page title={file.data ? `${file.data.givenName} ${file.data.familyName}` : t('nav.employees')}>
      <CallbackNav base={base} />
      <p>
        <Link to={`${base}/modules/operations/callback/employees`}>{t('employees.back')}</Link>
      </p>
      <Loadable query={file}>
        {(e) => (
          <>
            {saved && <Alert tone="success">{t('employees.saved')}</Alert>}
            <EmployeeForm
              key={e.id}
              initial={{ ...e, channels: e.channels as never, locale: e.locale === 'en' ? 'en' : 'fr' }}
              submitLabel={t('employees.save')}
              onSubmit={async (body) => {
                setSaved(false);
                await call(
                  api.PUT('/api/orgs/{orgId}/callback/employees/{id}', {
                    params: { path: { orgId: org.id, id: e.id } },
                    body,
                  }),
                );
                setSaved(true);
                await client.invalidateQueries({ queryKey: key });
              }}
            />
            <StaffAvailability
              orgId={org.id}
              employeeId={e.id}
              history={e.availability}
              onSaved={() => client.invalidateQueries({ queryKey: key })}
            />
            <Absences
              orgId={org.id}
              employeeId={e.id}
              absences={e.absences}
              onChange={() => client.invalidateQueries({ queryKey: key })}
            />
          </>
        )}
      </Loadable>
    </Page>
  );
}

function StaffAvailability({
  orgId,
  employeeId,
  history,
  onSaved,
}: {
  orgId: string;
  employeeId: string;
  history: Array<{ effectiveFrom: string; slots: string[]; declaredAt: string }>;
  onSaved: () => void;
}) {
  const { t } = useTranslation('callback');
  const id = useId();
  const [slots, setSlots] = useState<string[]>(history[0]?.slots ?? []);
  const [from, setFrom] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const latest = history[0]?.slots.join(',') ?? '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the latest version changes.
  useEffect(() => setSlots(history[0]?.slots ?? []), [latest]);
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('employees.availability')}</h2>
      <ErrorSummary error={error} />
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          setError(null);
          try {
            await call(
              api.PUT('/api/orgs/{orgId}/callback/employees/{id}/availability', {
                params: { path: { orgId, id: employeeId } },
                body: { slots: slots as never, ...(from ? { effectiveFrom: from } : {}) },
              }),
            );
            onSaved();
          } catch (caught) {
            setError(caught);
          } finally {
            setBusy(false);
          }
        }}
      >
        <AvailabilityGrid idPrefix={`${id}-slot`} value={slots} onChange={setSlots} />
        <TextField
          id={`${id}-from`}
          label={t('employees.availabilityFrom')}
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          optional
        />
        <Button type="submit" busy={busy}>
          {t('employees.availabilitySave')}
        </Button>
      </form>
      <h3>{t('employees.history')}</h3>
      <ul>
        {history.map((h) => (
          <li key={h.declaredAt}>
            {formatDate(h.effectiveFrom)} — {h.slots.length} / 21 ({formatDateTime(h.declaredAt)})
          </li>
        ))}
      </ul>
    </section>
  );
}

function Absences({
  orgId,
  employeeId,
  absences,
  onChange,
}: {
  orgId: string;
  employeeId: string;
  absences: Array<{ id: string; startsAt: string; endsAt: string; reason: string }>;
  onChange: () => void;
}) {
  const { t } = useTranslation('callback');
  const id = useId();
  const form = useForm(`${id}-abs`, { startsAt: '', endsAt: '', reason: '' });
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('employees.absences')}</h2>
      {absences.length === 0 ? (
        <p>{t('employees.none')}</p>
      ) : (
        <ul>
          {absences.map((a) => (
            <li key={a.id}>
              {formatDateTime(a.startsAt)} → {formatDateTime(a.endsAt)} {a.reason && `(${a.reason})`}{' '}
              <Button
                variant="link"
                onClick={async () => {
                  await call(
                    api.DELETE('/api/orgs/{orgId}/callback/absences/{id}', {
                      params: { path: { orgId, id: a.id } },
                    }),
                  );
                  onChange();
                }}
              >
                {t('employees.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="form"
        noValidate
        onSubmit={form.handleSubmit(async (v) => {
          await call(
            api.POST('/api/orgs/{orgId}/callback/employees/{id}/absences', {
              params: { path: { orgId, id: employeeId } },
              body: {
                startsAt: v.startsAt ? new Date(v.startsAt).toISOString() : '',
                endsAt: v.endsAt ? new Date(v.endsAt).toISOString() : '',
                reason: v.reason,
              },
            }),
          );
          form.setValues({ startsAt: '', endsAt: '', reason: '' });
          onChange();
        })}
      >
        <ErrorSummary error={form.error} fields={form.summaryFields()} />
        <TextField {...form.field('startsAt', t('need.start'))} type="datetime-local" required />
        <TextField {...form.field('endsAt', t('need.end'))} type="datetime-local" required />
        <TextField {...form.field('reason', t('employees.absenceReason'))} optional />
        <Button type="submit" busy={form.pending}>
          {t('employees.absenceAdd')}
        </Button>
      </form>
    </section>
  );
}

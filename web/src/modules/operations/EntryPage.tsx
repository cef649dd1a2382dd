import './operations.css';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, call } from '../../app/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';
import { useStaff } from '../staff/context.ts';
import { OperationsNav, useLocalised, useStations } from './shared.tsx';

/** Manual entry for operators on their rounds (made for a phone): one reading at a time. */
export function EntryPage() {
  const { t } = useTranslation('operations');
  const { t: common } = useTranslation();
  const { org } = useStaff();
  const { pick } = useLocalised();
  const id = useId();
  const stations = useStations();
  const [form, setForm] = useState({ stationId: '', measure: '', value: '', time: '' });
  const station = stations.data?.find((s) => s.id === form.stationId) ?? stations.data?.[0];
  const measure = station?.measures.find((m) => m.code === form.measure) ?? station?.measures[0];
  const save = useMutation({
    mutationFn: async () =>
      call(
        api.POST('/api/orgs/{orgId}/operations/stations/{stationId}/readings', {
          params: { path: { orgId: org.id, stationId: station?.id ?? '' } },
          body: {
            readings: [
              {
                measure: measure?.code ?? '',
                value: form.value,
                ...(form.time ? { observedAt: new Date(form.time).toISOString() } : {}),
              },
            ],
          },
        }),
      ),
    onSuccess: () => setForm((f) => ({ ...f, value: '', time: '' })),
  });
  if (stations.isLoading) return <Loading />;
  const fieldProblem =
    save.error instanceof ApiError
      ? ((save.error.details as { fields?: Record<string, { message: string }> } | undefined)?.fields?.[
          'readings.0'
        ]?.message ?? save.error.message)
      : undefined;
  return (
    <Page title={t('nav.entry')}>
      <OperationsNav />
      <p>{t('entry.intro')}</p>
      {save.data &&
        (save.data.alarmsOpened > 0 ? (
          <Alert tone="warning">{t('entry.alarm')}</Alert>
        ) : (
          <Alert tone="success">{save.data.inserted ? t('entry.saved') : t('entry.duplicate')}</Alert>
        ))}
      {save.error && !fieldProblem && <Alert tone="error">{errorMessage(save.error, common)}</Alert>}
      <form
        className="form ops-entry"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <SelectField
          id={`${id}-s`}
          label={t('entry.station')}
          value={station?.id ?? ''}
          onChange={(e) => setForm({ ...form, stationId: e.target.value, measure: '' })}
        >
          {(stations.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.code} — {pick(s.name)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={`${id}-m`}
          label={t('entry.measure')}
          value={measure?.code ?? ''}
          onChange={(e) => setForm({ ...form, measure: e.target.value })}
        >
          {(station?.measures ?? []).map((m) => (
            <option key={m.id} value={m.code}>
              {pick(m.name)}
            </option>
          ))}
        </SelectField>
        <TextField
          id={`${id}-v`}
          label={t('entry.value', { unit: measure?.unit ?? '' })}
          inputMode="decimal"
          autoComplete="off"
          value={form.value}
          onChange={(e) => setForm({ ...form, value: e.target.value })}
          error={fieldProblem}
          required
        />
        <TextField
          id={`${id}-t`}
          type="datetime-local"
          label={t('entry.time')}
          hint={t('entry.timeHint')}
          optional
          value={form.time}
          onChange={(e) => setForm({ ...form, time: e.target.value })}
        />
        <Button type="submit" busy={save.isPending}>
          {t('entry.save')}
        </Button>
      </form>
    </Page>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { useForm } from '../../../ui/useForm.ts';
import { useStaff } from '../../staff/context.ts';
import { type Station, useLocalised } from '../shared.tsx';

type Measure = Station['measures'][number];
type Severity = 'alarm' | 'report';
const num = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')));
const text = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** The thresholds of every measure of a station (one alarm and one report threshold per measure). */
export function ThresholdsEditor({ station }: { station: Station }) {
  const { t } = useTranslation('operations');
  return (
    <section aria-labelledby="thresholds-title">
      <h2 id="thresholds-title">{t('stationEdit.thresholdsTitle')}</h2>
      <p>{t('stationEdit.thresholdsIntro')}</p>
      {station.measures.length === 0 && <p>{t('stationEdit.noMeasures')}</p>}
      {station.measures.map((m) => (
        <ThresholdForm key={m.id} measure={m} />
      ))}
    </section>
  );
}

function ThresholdForm({ measure }: { measure: Measure }) {
  const { t } = useTranslation('operations');
  const { org } = useStaff();
  const { pick } = useLocalised();
  const client = useQueryClient();
  const [saved, setSaved] = useState(false);
  const existing = (severity: string) => measure.thresholds.find((x) => x.severity === severity);
  const valuesFor = (severity: Severity) => {
    const th = existing(severity);
    return {
      severity,
      min: text(th?.min),
      max: text(th?.max),
      basis: th?.basis ?? '',
      active: th ? String(th.active) : 'true',
    };
  };
  const form = useForm(`threshold-${measure.id}`, valuesFor('alarm'));
  const submit = form.handleSubmit(async (v) => {
    setSaved(false);
    await call(
      api.PUT('/api/orgs/{orgId}/operations/measures/{measureId}/thresholds', {
        params: { path: { orgId: org.id, measureId: measure.id } },
        body: {
          severity: v.severity as Severity,
          min: num(v.min),
          max: num(v.max),
          basis: v.basis,
          active: v.active === 'true',
        },
      }),
    );
    await client.invalidateQueries({ queryKey: ['operations', org.id, 'stations'] });
    setSaved(true);
  });
  const headingId = `threshold-${measure.id}-title`;
  return (
    <form noValidate onSubmit={submit} aria-labelledby={headingId} className="ops-measure">
      <h3 id={headingId}>
        {pick(measure.name)} ({measure.unit || measure.code})
      </h3>
      <ErrorSummary error={form.error} fields={form.summaryFields()} />
      {saved && <Alert tone="success">{t('stationEdit.thresholdSaved')}</Alert>}
      <SelectField
        {...form.field('severity', t('stationEdit.severity'))}
        onChange={(e) => form.setValues(valuesFor(e.target.value as Severity))}
      >
        <option value="alarm">{t('stationEdit.severityAlarm')}</option>
        <option value="report">{t('stationEdit.severityReport')}</option>
      </SelectField>
      <div className="ops-filters">
        <TextField
          {...form.field('min', t('stationEdit.min'))}
          inputMode="decimal"
          inputSize="short"
          optional
        />
        <TextField
          {...form.field('max', t('stationEdit.max'))}
          inputMode="decimal"
          inputSize="short"
          optional
        />
      </div>
      <TextField {...form.field('basis', t('station.basis'))} hint={t('stationEdit.basisHint')} required />
      <SelectField {...form.field('active', t('stationEdit.active'))}>
        <option value="true">{t('stationEdit.yes')}</option>
        <option value="false">{t('stationEdit.no')}</option>
      </SelectField>
      <Button type="submit" variant="secondary" busy={form.pending}>
        {t('stationEdit.saveThreshold')}
      </Button>
    </form>
  );
}

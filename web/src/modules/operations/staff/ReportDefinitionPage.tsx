import '../operations.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { TextAreaField, TextField } from '../../../ui/Field.tsx';
import { Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useForm } from '../../../ui/useForm.ts';
import { useStaff } from '../../staff/context.ts';
import { OperationsNav, useLocalised, useStations } from '../shared.tsx';

const SECTIONS = ['summary', 'daily_table', 'chart', 'compliance', 'traffic'] as const;
type Section = (typeof SECTIONS)[number];

/** A checkbox in a list of choices. */
function Choice(props: { id: string; label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <div className="checkbox">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={props.id}>{props.label}</label>
    </div>
  );
}

const toggle = <T,>(list: T[], value: T, on: boolean) =>
  on ? [...new Set([...list, value])] : list.filter((x) => x !== value);

/** Create or change a monthly report: its stations, measures, sections (tables, charts, text) and recipients. */
export function ReportDefinitionPage() {
  const { t } = useTranslation('operations');
  const { org, base } = useStaff();
  const { pick } = useLocalised();
  const { reportId } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const id = useId();
  const stations = useStations();
  const definitions = useQuery({
    queryKey: ['operations', org.id, 'reports', 'definitions'],
    queryFn: async () =>
      (await call(api.GET('/api/orgs/{orgId}/operations/reports', { params: { path: { orgId: org.id } } })))
        .items,
  });
  const existing = reportId ? definitions.data?.find((d) => d.id === reportId) : undefined;
  const form = useForm('report', { titleFr: '', titleEn: '', introFr: '', introEn: '', recipients: '' });
  const [stationIds, setStationIds] = useState<string[]>([]);
  const [measureCodes, setMeasureCodes] = useState<string[]>([]);
  const [sections, setSections] = useState<Section[]>(['summary', 'daily_table', 'chart']);
  const [active, setActive] = useState(true);
  const loaded = existing?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when another definition is loaded
  useEffect(() => {
    if (!existing) return;
    form.setValues({
      titleFr: existing.title.fr,
      titleEn: existing.title.en,
      introFr: existing.content.introFr,
      introEn: existing.content.introEn,
      recipients: existing.recipients.join('\n'),
    });
    setStationIds(existing.content.stationIds);
    setMeasureCodes(existing.content.measureCodes);
    setSections(existing.content.sections);
    setActive(existing.active);
  }, [loaded]);

  if (reportId && !existing)
    return (
      <Page title={t('reportEdit.editTitle')}>
        <OperationsNav />
        {definitions.isLoading ? <Loading /> : <p>{t('reportEdit.notFound')}</p>}
      </Page>
    );

  // The measures the chosen stations report (all stations' when none is chosen yet).
  const chosen = (stations.data ?? []).filter((s) => stationIds.length === 0 || stationIds.includes(s.id));
  const measures = [...new Map(chosen.flatMap((s) => s.measures.map((m) => [m.code, m] as const))).values()];
  const submit = form.handleSubmit(async (v) => {
    const body = {
      titleFr: v.titleFr,
      titleEn: v.titleEn,
      content: { stationIds, measureCodes, sections, introFr: v.introFr, introEn: v.introEn },
      recipients: v.recipients
        .split(/[\s,;]+/)
        .map((r) => r.trim())
        .filter(Boolean),
      active,
    };
    if (existing)
      await call(
        api.PUT('/api/orgs/{orgId}/operations/reports/{reportId}', {
          params: { path: { orgId: org.id, reportId: existing.id } },
          body,
        }),
      );
    else
      await call(
        api.POST('/api/orgs/{orgId}/operations/reports', { params: { path: { orgId: org.id } }, body }),
      );
    await client.invalidateQueries({ queryKey: ['operations', org.id, 'reports'] });
    navigate(`${base}/modules/operations/reports`, { state: { saved: true } });
  });
  return (
    <Page
      title={existing ? `${t('reportEdit.editTitle')} — ${pick(existing.title)}` : t('reportEdit.newTitle')}
    >
      <OperationsNav />
      <p>
        <Link to={`${base}/modules/operations/reports`}>{t('reportEdit.back')}</Link>
      </p>
      <ErrorSummary error={form.error} fields={form.summaryFields()} />
      <form noValidate onSubmit={submit}>
        <TextField {...form.field('titleFr', t('reportEdit.titleFr'))} lang="fr" required />
        <TextField {...form.field('titleEn', t('reportEdit.titleEn'))} lang="en" required />
        <fieldset>
          <legend>{t('reportEdit.stations')}</legend>
          <p className="field__hint">{t('reportEdit.stationsHint')}</p>
          {(stations.data ?? []).map((s) => (
            <Choice
              key={s.id}
              id={`${id}-station-${s.id}`}
              label={`${s.code} — ${pick(s.name)}`}
              checked={stationIds.includes(s.id)}
              onChange={(on) => setStationIds(toggle(stationIds, s.id, on))}
            />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('reportEdit.measures')}</legend>
          <p className="field__hint">{t('reportEdit.measuresHint')}</p>
          {measures.map((m) => (
            <Choice
              key={m.code}
              id={`${id}-measure-${m.code}`}
              label={`${pick(m.name)} (${m.unit || m.code})`}
              checked={measureCodes.includes(m.code)}
              onChange={(on) => setMeasureCodes(toggle(measureCodes, m.code, on))}
            />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('reportEdit.sections')}</legend>
          {SECTIONS.map((s) => (
            <Choice
              key={s}
              id={`${id}-section-${s}`}
              label={t(`reportEdit.section.${s}`)}
              checked={sections.includes(s)}
              onChange={(on) => setSections(toggle(sections, s, on))}
            />
          ))}
        </fieldset>
        <TextAreaField {...form.field('introFr', t('reportEdit.introFr'))} lang="fr" optional />
        <TextAreaField {...form.field('introEn', t('reportEdit.introEn'))} lang="en" optional />
        <TextAreaField
          {...form.field('recipients', t('reports.recipients'))}
          hint={t('reportEdit.recipientsHint')}
          optional
        />
        <Choice id={`${id}-active`} label={t('reportEdit.active')} checked={active} onChange={setActive} />
        <div className="btn-row">
          <Button type="submit" busy={form.pending}>
            {t('reportEdit.save')}
          </Button>
        </div>
      </form>
    </Page>
  );
}

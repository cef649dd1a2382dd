import '../operations.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ConfirmDialog } from '../../../ui/Dialog.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { Loading } from '../../../ui/Loadable.tsx';
import { PointPicker } from '../../../ui/map/PointPicker.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useForm } from '../../../ui/useForm.ts';
import { useStaff } from '../../staff/context.ts';
import { OperationsNav, useLocalised, useStations } from '../shared.tsx';
import { KindForm } from './KindForm.tsx';
import { type MeasureDraft, MeasuresEditor } from './MeasuresEditor.tsx';
import { ThresholdsEditor } from './ThresholdsEditor.tsx';

const num = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')));
const text = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** Create or change a station: kind (built-in or the organisation's own), location, measures, thresholds. */
export function StationEditPage() {
  const { t } = useTranslation('operations');
  const { org, base } = useStaff();
  const { pick } = useLocalised();
  const { stationId } = useParams();
  const navigate = useNavigate();
  const justSaved = (useLocation().state as { saved?: boolean } | null)?.saved === true;
  const client = useQueryClient();
  const id = useId();
  const stations = useStations();
  const station = stationId ? stations.data?.find((s) => s.id === stationId) : undefined;
  const kinds = useQuery({
    queryKey: ['operations', org.id, 'station-kinds'],
    queryFn: async () =>
      call(api.GET('/api/orgs/{orgId}/operations/station-kinds', { params: { path: { orgId: org.id } } })),
  });
  const form = useForm('station', {
    code: '',
    nameFr: '',
    nameEn: '',
    kind: 'treatment_outlet',
    latitude: '',
    longitude: '',
    populationServed: '',
  });
  const [extremity, setExtremity] = useState(false);
  const [measures, setMeasures] = useState<MeasureDraft[]>([]);
  const [confirmDrop, setConfirmDrop] = useState<string[] | null>(null);
  const loaded = station?.id;

  // Fill the form once the station arrives; what the person types afterwards is kept.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when another station is loaded
  useEffect(() => {
    if (!station) return;
    form.setValues({
      code: station.code,
      nameFr: station.name.fr,
      nameEn: station.name.en,
      kind: station.kind,
      latitude: text(station.latitude),
      longitude: text(station.longitude),
      populationServed: text(station.populationServed),
    });
    setExtremity(station.networkExtremity);
    setMeasures(
      station.measures.map((m) => ({
        code: m.code,
        unit: m.unit,
        validMin: text(m.validMin),
        validMax: text(m.validMax),
      })),
    );
  }, [loaded]);

  if (stationId && !station) {
    return (
      <Page title={t('stationEdit.editTitle')}>
        <OperationsNav />
        {stations.isLoading ? <Loading /> : <p>{t('stationEdit.notFound')}</p>}
      </Page>
    );
  }

  const save = form.handleSubmit(async (v) => {
    const body = {
      code: v.code,
      nameFr: v.nameFr,
      nameEn: v.nameEn,
      kind: v.kind,
      latitude: num(v.latitude),
      longitude: num(v.longitude),
      populationServed: v.populationServed.trim() === '' ? null : Number(v.populationServed),
      networkExtremity: extremity,
      // A new station without measures gets its kind's usual ones (server side).
      ...(measures.length > 0 || station
        ? {
            measures: measures.map((m) => ({
              code: m.code.trim(),
              ...(m.unit.trim() ? { unit: m.unit.trim() } : {}),
              validMin: num(m.validMin),
              validMax: num(m.validMax),
            })),
          }
        : {}),
    };
    const saved = station
      ? await call(
          api.PUT('/api/orgs/{orgId}/operations/stations/{stationId}', {
            params: { path: { orgId: org.id, stationId: station.id } },
            body,
          }),
        )
      : await call(
          api.POST('/api/orgs/{orgId}/operations/stations', { params: { path: { orgId: org.id } }, body }),
        );
    await client.invalidateQueries({ queryKey: ['operations', org.id, 'stations'] });
    navigate(`${base}/modules/operations/stations/${saved.id}/edit`, { state: { saved: true } });
  });
  const submit = () => {
    // Measures taken off the list go with their readings: ask first.
    const dropped = (station?.measures ?? [])
      .filter((m) => !measures.some((d) => d.code.trim() === m.code))
      .map((m) => pick(m.name));
    if (dropped.length > 0) setConfirmDrop(dropped);
    else void save();
  };
  const lat = num(form.values.latitude);
  const lon = num(form.values.longitude);
  const title = station ? `${t('stationEdit.editTitle')} — ${station.code}` : t('stationEdit.newTitle');
  return (
    <Page title={title}>
      <OperationsNav />
      {station && (
        <p>
          <Link to={`${base}/modules/operations/stations/${station.id}`}>{t('stationEdit.toStation')}</Link>
        </p>
      )}
      {justSaved && !form.error && <Alert tone="success">{t('stationEdit.saved')}</Alert>}
      <ErrorSummary error={form.error} fields={form.summaryFields()} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <TextField {...form.field('code', t('stationEdit.code'))} inputSize="code" required />
        <TextField {...form.field('nameFr', t('stationEdit.nameFr'))} lang="fr" required />
        <TextField {...form.field('nameEn', t('stationEdit.nameEn'))} lang="en" required />
        <SelectField {...form.field('kind', t('stationEdit.kind'))}>
          {(kinds.data ?? []).map((k) => (
            <option key={k.code} value={k.code}>
              {pick(k.name)}
            </option>
          ))}
        </SelectField>
        <fieldset>
          <legend>{t('stationEdit.location')}</legend>
          <p className="field__hint">{t('stationEdit.locationHint')}</p>
          <div className="ops-filters">
            <TextField {...form.field('latitude', t('stationEdit.latitude'))} inputMode="decimal" optional />
            <TextField
              {...form.field('longitude', t('stationEdit.longitude'))}
              inputMode="decimal"
              optional
            />
          </div>
          <PointPicker
            labels={{
              point: t('stationEdit.point'),
              hint: t('stationEdit.mapHint'),
              map: t('stationEdit.map'),
              atCentre: t('stationEdit.atCentre'),
            }}
            lat={lat !== null && Number.isFinite(lat) ? lat : null}
            lon={lon !== null && Number.isFinite(lon) ? lon : null}
            centre={[47.83, -69.53]}
            onPick={(a, b) => {
              form.set('latitude', String(a));
              form.set('longitude', String(b));
            }}
          />
        </fieldset>
        <TextField
          {...form.field('populationServed', t('stationEdit.population'))}
          inputMode="numeric"
          hint={t('stationEdit.populationHint')}
          optional
        />
        <div className="checkbox">
          <input
            id={`${id}-extremity`}
            type="checkbox"
            checked={extremity}
            onChange={(e) => setExtremity(e.target.checked)}
          />
          <label htmlFor={`${id}-extremity`}>{t('stationEdit.extremity')}</label>
        </div>
        <MeasuresEditor measures={measures} onChange={setMeasures} isNew={!station} />
        <div className="btn-row">
          <Button type="submit" busy={form.pending}>
            {t('stationEdit.save')}
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={confirmDrop !== null}
        title={t('stationEdit.dropTitle')}
        confirmLabel={t('stationEdit.dropConfirm')}
        danger
        onCancel={() => setConfirmDrop(null)}
        onConfirm={() => {
          setConfirmDrop(null);
          void save();
        }}
      >
        <p>{t('stationEdit.dropText', { measures: (confirmDrop ?? []).join(', ') })}</p>
      </ConfirmDialog>
      {station && <ThresholdsEditor station={station} />}
      <KindForm />
    </Page>
  );
}

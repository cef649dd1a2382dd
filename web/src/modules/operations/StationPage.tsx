import './operations.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ApiData, api, call } from '../../app/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { BarChart, LineChart } from '../../ui/charts/index.ts';
import { errorMessage } from '../../ui/errors.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';
import { Table } from '../../ui/Table.tsx';
import { useStaff } from '../staff/context.ts';
import { OperationsNav, useLocalised, useStations } from './shared.tsx';

type Grain = 'hour' | 'day' | 'month';
const iso = (d: Date) => d.toISOString().slice(0, 10);
// Local midnight in Quebec of a YYYY-MM-DD day (good to the hour; series are bucketed by the server).
const startOf = (day: string) => new Date(`${day}T05:00:00Z`).toISOString();

/** One station: a series as a chart with its table, a comparison with the previous period, exports, devices. */
export function StationPage() {
  const { t } = useTranslation('operations');
  const { t: common } = useTranslation();
  const { org, base } = useStaff();
  const { stationId = '' } = useParams();
  const { pick, number, dateTime, lang } = useLocalised();
  const id = useId();
  const stations = useStations();
  const station = stations.data?.find((s) => s.id === stationId);
  const today = new Date();
  const [form, setForm] = useState({
    measureId: '',
    grain: 'day' as Grain,
    from: iso(new Date(today.getTime() - 30 * 86_400_000)),
    to: iso(new Date(today.getTime() + 86_400_000)),
    compare: false,
  });
  const [query, setQuery] = useState(form);
  const measureId = query.measureId || station?.measures[0]?.id || '';
  const measure = station?.measures.find((m) => m.id === measureId);
  const span = new Date(query.to).getTime() - new Date(query.from).getTime();
  const series = useQuery({
    queryKey: ['operations', org.id, 'series', measureId, query],
    enabled: !!measureId,
    queryFn: async () =>
      call(
        api.GET('/api/orgs/{orgId}/operations/measures/{measureId}/series', {
          params: {
            path: { orgId: org.id, measureId },
            query: {
              grain: query.grain,
              from: startOf(query.from),
              to: startOf(query.to),
              ...(query.compare
                ? { compareFrom: new Date(new Date(startOf(query.from)).getTime() - span).toISOString() }
                : {}),
            },
          },
        }),
      ),
  });
  const traffic = useQuery({
    queryKey: ['operations', org.id, 'traffic', stationId, query.from, query.to],
    enabled: station?.kind === 'traffic_counter',
    queryFn: async () =>
      call(
        api.GET('/api/orgs/{orgId}/operations/traffic/stations/{stationId}/summary', {
          params: {
            path: { orgId: org.id, stationId },
            query: { from: query.from, to: iso(new Date(new Date(query.to).getTime() - 86_400_000)) },
          },
        }),
      ),
  });
  if (stations.isLoading) return <Loading />;
  if (!station)
    return (
      <Page title={t('title')}>
        <Alert tone="error">{common('errors.unexpected')}</Alert>
      </Page>
    );
  const label = (bucket: string) =>
    new Date(bucket).toLocaleString(lang === 'en' ? 'en-CA' : 'fr-CA', {
      timeZone: 'America/Toronto',
      ...(query.grain === 'hour'
        ? { day: 'numeric', hour: '2-digit' }
        : query.grain === 'day'
          ? { month: 'short', day: 'numeric' }
          : { year: 'numeric', month: 'short' }),
    });
  const exportUrl = (format: 'csv' | 'xlsx') =>
    `/api/orgs/${org.id}/operations/measures/${measureId}/series.${format}?grain=${query.grain}&from=${encodeURIComponent(startOf(query.from))}&to=${encodeURIComponent(startOf(query.to))}`;
  const change = series.data?.comparison?.change.mean;
  return (
    <Page title={`${station.code} — ${pick(station.name)}`}>
      <OperationsNav />
      <p>
        <Link to={`${base}/modules/operations`}>{t('station.back')}</Link> ·{' '}
        <Link to={`${base}/modules/operations/stations/${station.id}/edit`}>{t('stationEdit.editLink')}</Link>
      </p>
      <form
        className="ops-filters"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          setQuery(form);
        }}
      >
        <SelectField
          id={`${id}-m`}
          label={t('station.measure')}
          value={form.measureId || measureId}
          onChange={(e) => setForm({ ...form, measureId: e.target.value })}
        >
          {station.measures.map((m) => (
            <option key={m.id} value={m.id}>
              {pick(m.name)} ({m.unit})
            </option>
          ))}
        </SelectField>
        <SelectField
          id={`${id}-g`}
          label={t('station.grain')}
          value={form.grain}
          onChange={(e) => setForm({ ...form, grain: e.target.value as Grain })}
        >
          {(['hour', 'day', 'month'] as const).map((g) => (
            <option key={g} value={g}>
              {t(`station.grains.${g}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id={`${id}-f`}
          type="date"
          label={t('station.from')}
          value={form.from}
          onChange={(e) => setForm({ ...form, from: e.target.value })}
        />
        <TextField
          id={`${id}-t`}
          type="date"
          label={t('station.to')}
          value={form.to}
          onChange={(e) => setForm({ ...form, to: e.target.value })}
        />
        <div className="field">
          <label>
            <input
              type="checkbox"
              checked={form.compare}
              onChange={(e) => setForm({ ...form, compare: e.target.checked })}
            />{' '}
            {t('station.compare')}
          </label>
        </div>
        <Button type="submit">{t('station.show')}</Button>
      </form>
      {series.error && <Alert tone="error">{errorMessage(series.error, common)}</Alert>}
      {series.isLoading && <Loading />}
      {series.data && measure && (
        <>
          {series.data.points.length === 0 ? (
            <Alert tone="info">{t('station.noData')}</Alert>
          ) : (
            <LineChart
              title={t('station.chart', {
                measure: pick(measure.name),
                unit: measure.unit,
                grain: t(`station.grains.${query.grain}`).toLowerCase(),
              })}
              labelHeader={t('station.period')}
              valueLabel={`${t('station.mean')} (${measure.unit})`}
              points={series.data.points.map((p) => ({ label: label(p.bucket), value: p.mean }))}
              format={(v) => number(v, 3)}
            />
          )}
          <p>
            {t('station.mean')} : {number(series.data.totals.mean, 3)} {measure.unit} · min{' '}
            {number(series.data.totals.min)} · max {number(series.data.totals.max)} · {t('station.total')} :{' '}
            {number(series.data.totals.sum, 0)}
          </p>
          {series.data.comparison && (
            <p>
              {t('station.previous', {
                mean: number(series.data.comparison.totals.mean, 3),
                change:
                  change === null || change === undefined
                    ? '—'
                    : `${change > 0 ? '+' : ''}${number(change * 100, 1)} %`,
              })}
            </p>
          )}
          <p>
            {t('station.export')} : <a href={exportUrl('csv')}>{t('station.exportCsv')}</a> ·{' '}
            <a href={exportUrl('xlsx')}>{t('station.exportXlsx')}</a>
          </p>
          {measure.thresholds.length > 0 && (
            <Table
              caption={t('station.thresholds')}
              rows={measure.thresholds}
              rowKey={(r) => r.id}
              columns={[
                {
                  key: 'sev',
                  header: t('station.thresholds'),
                  rowHeader: true,
                  render: (r) => t(`station.severity.${r.severity}`),
                },
                {
                  key: 'range',
                  header: t('station.range'),
                  render: (r) => `${r.min ?? '−∞'} – ${r.max ?? '∞'} ${measure.unit}`,
                },
                { key: 'basis', header: t('station.basis'), render: (r) => r.basis },
              ]}
            />
          )}
        </>
      )}
      {traffic.data && <TrafficBlock summary={traffic.data} />}
      <Devices stationId={station.id} />
      <p className="muted">{station.measures[0]?.latest && dateTime(station.measures[0].latest.at)}</p>
    </Page>
  );
}

type Summary = ApiData<'/api/orgs/{orgId}/operations/traffic/stations/{stationId}/summary', 'get'>;

function TrafficBlock({ summary }: { summary: Summary }) {
  const { t } = useTranslation('operations');
  const { number, dateTime } = useLocalised();
  const rows = [summary.total, ...summary.byDirection];
  return (
    <section>
      <h2>{t('station.traffic')}</h2>
      <Table
        caption={t('station.traffic')}
        rows={rows}
        rowKey={(r) => r.direction ?? 'all'}
        columns={[
          {
            key: 'dir',
            header: t('station.direction'),
            rowHeader: true,
            render: (r) => r.direction ?? t('station.allDirections'),
          },
          { key: 'aadt', header: t('station.aadt'), nowrap: true, render: (r) => number(r.aadt, 0) },
          {
            key: 'peak',
            header: t('station.peakHour'),
            render: (r) =>
              r.peakHour ? `${number(r.peakHour.volume, 0)} — ${dateTime(r.peakHour.bucket)}` : '—',
          },
          {
            key: 'v85',
            header: t('station.v85'),
            nowrap: true,
            render: (r) => (r.speed85 === null ? '—' : `${number(r.speed85, 1)} km/h`),
          },
          {
            key: 'heavy',
            header: t('station.heavy'),
            nowrap: true,
            render: (r) => (r.heavyShare === null ? '—' : `${number(r.heavyShare * 100, 1)} %`),
          },
        ]}
      />
      <BarChart
        title={t('station.dailyVolumes', { direction: t('station.allDirections') })}
        labelHeader={t('station.date')}
        valueLabel={t('station.volume')}
        data={summary.total.daily.map((d) => ({ label: d.date.slice(5), value: d.volume }))}
      />
    </section>
  );
}

function Devices({ stationId }: { stationId: string }) {
  const { t } = useTranslation('operations');
  const { t: common } = useTranslation();
  const { org } = useStaff();
  const { dateTime } = useLocalised();
  const id = useId();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [token, setToken] = useState<string | null>(null);
  const devices = useQuery({
    queryKey: ['operations', org.id, 'devices', stationId],
    queryFn: async () =>
      (
        await call(
          api.GET('/api/orgs/{orgId}/operations/stations/{stationId}/devices', {
            params: { path: { orgId: org.id, stationId } },
          }),
        )
      ).items,
  });
  const create = useMutation({
    mutationFn: async () =>
      call(
        api.POST('/api/orgs/{orgId}/operations/stations/{stationId}/devices', {
          params: { path: { orgId: org.id, stationId } },
          body: { name },
        }),
      ),
    onSuccess: (device) => {
      setToken(device.token);
      setName('');
      void client.invalidateQueries({ queryKey: ['operations', org.id, 'devices', stationId] });
    },
  });
  const revoke = useMutation({
    mutationFn: async (deviceId: string) =>
      call(
        api.POST('/api/orgs/{orgId}/operations/devices/{deviceId}/revoke', {
          params: { path: { orgId: org.id, deviceId } },
        }),
      ),
    onSuccess: () =>
      void client.invalidateQueries({ queryKey: ['operations', org.id, 'devices', stationId] }),
  });
  return (
    <section>
      <h2>{t('station.devices')}</h2>
      {token && (
        <Alert tone="success" title={t('station.tokenOnce')}>
          <p className="ops-token">{token}</p>
        </Alert>
      )}
      {create.error && <Alert tone="error">{errorMessage(create.error, common)}</Alert>}
      <form
        className="ops-filters"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) create.mutate();
        }}
      >
        <TextField
          id={`${id}-n`}
          label={t('station.deviceName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
        />
        <Button type="submit" busy={create.isPending}>
          {t('station.addDevice')}
        </Button>
      </form>
      <Table
        caption={t('station.devices')}
        rows={devices.data ?? []}
        rowKey={(d) => d.id}
        columns={[
          {
            key: 'name',
            header: t('station.deviceName'),
            rowHeader: true,
            render: (d) => `${d.name} (${d.tokenPrefix}…)`,
          },
          {
            key: 'seen',
            header: t('station.lastSeen'),
            render: (d) => (d.lastSeenAt ? dateTime(d.lastSeenAt) : t('station.never')),
          },
          {
            key: 'act',
            header: t('station.revoke'),
            render: (d) =>
              d.revokedAt ? (
                t('station.revoked')
              ) : (
                <Button variant="secondary" onClick={() => revoke.mutate(d.id)}>
                  {t('station.revoke')}
                </Button>
              ),
          },
        ]}
      />
    </section>
  );
}

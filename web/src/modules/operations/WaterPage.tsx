import './operations.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../app/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';
import { Table } from '../../ui/Table.tsx';
import { useStaff } from '../staff/context.ts';
import { OperationsNav, useLocalised, useStations } from './shared.tsx';

const todayLocal = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(new Date());

/** Drinking-water compliance: alarms, station status, the s. 22 log, sampling and lab results, exceedances. */
export function WaterPage() {
  const { t } = useTranslation('operations');
  const { t: common } = useTranslation();
  const { org } = useStaff();
  const { pick, number, dateTime } = useLocalised();
  const client = useQueryClient();
  const id = useId();
  const key = ['operations', org.id, 'water'];
  const refresh = () => void client.invalidateQueries({ queryKey: key });
  const dashboard = useQuery({
    queryKey: [...key, 'dashboard'],
    queryFn: async () =>
      call(api.GET('/api/orgs/{orgId}/operations/water/dashboard', { params: { path: { orgId: org.id } } })),
    refetchInterval: 30_000,
  });
  const month = todayLocal().slice(0, 7);
  const calendar = useQuery({
    queryKey: [...key, 'samples', month],
    queryFn: async () =>
      call(
        api.GET('/api/orgs/{orgId}/operations/water/samples', {
          params: { path: { orgId: org.id }, query: { month } },
        }),
      ),
  });
  const stations = useStations();
  const outlet = stations.data?.find((s) => s.kind === 'treatment_outlet');
  const [logDay, setLogDay] = useState(todayLocal());
  const log = useQuery({
    queryKey: [...key, 'log', outlet?.id, logDay],
    enabled: !!outlet,
    queryFn: async () =>
      call(
        api.GET('/api/orgs/{orgId}/operations/water/stations/{stationId}/chlorine-log', {
          params: { path: { orgId: org.id, stationId: outlet?.id ?? '' }, query: { from: logDay, days: 1 } },
        }),
      ),
  });
  const [notes, setNotes] = useState<Record<string, string>>({});
  const act = useMutation({
    mutationFn: async (a: { kind: 'ack' | 'close'; alarmId: string }) =>
      a.kind === 'ack'
        ? call(
            api.POST('/api/orgs/{orgId}/operations/water/alarms/{alarmId}/acknowledge', {
              params: { path: { orgId: org.id, alarmId: a.alarmId } },
              body: {},
            }),
          )
        : call(
            api.POST('/api/orgs/{orgId}/operations/water/alarms/{alarmId}/close', {
              params: { path: { orgId: org.id, alarmId: a.alarmId } },
              body: { note: notes[a.alarmId] ?? '' },
            }),
          ),
    onSuccess: refresh,
  });
  const plan = useMutation({
    mutationFn: async () =>
      call(
        api.POST('/api/orgs/{orgId}/operations/water/samples/plan', {
          params: { path: { orgId: org.id } },
          body: { month },
        }),
      ),
    onSuccess: refresh,
  });
  const [result, setResult] = useState({
    sampleId: '',
    laboratory: '',
    eColi: '0',
    totalColiforms: '0',
    takenAt: '',
  });
  const saveResult = useMutation({
    mutationFn: async () =>
      call(
        api.POST('/api/orgs/{orgId}/operations/water/samples/{sampleId}/result', {
          params: { path: { orgId: org.id, sampleId: result.sampleId } },
          body: {
            laboratory: result.laboratory,
            eColi: Number(result.eColi),
            totalColiforms: Number(result.totalColiforms),
            takenAt: new Date(result.takenAt || Date.now()).toISOString(),
          },
        }),
      ),
    onSuccess: refresh,
  });
  const step = useMutation({
    mutationFn: async (s: { exceedanceId: string; step: 'notice' | 'close'; boilWater?: boolean }) =>
      call(
        api.POST('/api/orgs/{orgId}/operations/water/exceedances/{exceedanceId}/steps', {
          params: { path: { orgId: org.id, exceedanceId: s.exceedanceId } },
          body: { step: s.step, boilWater: s.boilWater },
        }),
      ),
    onSuccess: refresh,
  });
  if (dashboard.isLoading) return <Loading />;
  const d = dashboard.data;
  const error = dashboard.error ?? act.error ?? plan.error ?? saveResult.error ?? step.error;
  const pending = (calendar.data?.samples ?? []).filter((s) => s.status === 'planned');
  return (
    <Page title={t('nav.water')}>
      <OperationsNav />
      <p>{t('water.intro')}</p>
      {error && <Alert tone="error">{errorMessage(error, common)}</Alert>}
      <h2>{t('water.alarms')}</h2>
      {d && d.alarms.length === 0 && <p>{t('water.noAlarms')}</p>}
      <ul className="list-plain">
        {d?.alarms.map((a) => (
          <li key={a.id}>
            <Alert
              tone={a.severity === 'alarm' ? 'error' : 'warning'}
              title={`${t(`water.status.${a.status as 'open' | 'acknowledged' | 'closed'}`)} — ${dateTime(a.observedAt)}`}
            >
              <p>
                {t('water.alarmLine', {
                  station: pick(a.station),
                  measure: pick(a.measure),
                  value: number(a.value),
                  unit: a.unit,
                  worst: number(a.worstValue),
                  count: a.readingsOutOfRange,
                  level: a.escalationLevel,
                })}{' '}
                ({a.basis})
              </p>
              {a.status === 'open' ? (
                <Button onClick={() => act.mutate({ kind: 'ack', alarmId: a.id })} busy={act.isPending}>
                  {t('water.acknowledge')}
                </Button>
              ) : (
                <form
                  className="ops-filters"
                  onSubmit={(e) => {
                    e.preventDefault();
                    act.mutate({ kind: 'close', alarmId: a.id });
                  }}
                >
                  <TextField
                    id={`${id}-note-${a.id}`}
                    label={t('water.closeNote')}
                    value={notes[a.id] ?? ''}
                    onChange={(e) => setNotes({ ...notes, [a.id]: e.target.value })}
                    required
                  />
                  <Button type="submit" variant="secondary">
                    {t('water.close')}
                  </Button>
                </form>
              )}
            </Alert>
          </li>
        ))}
      </ul>
      {d && <p>{t('water.last30', d.last30Days)}</p>}
      <Table
        caption={t('water.stations')}
        rows={(d?.stations ?? []).flatMap((s) => s.measures.map((m) => ({ s, m })))}
        rowKey={(r) => `${r.s.id}-${r.m.code}`}
        columns={[
          {
            key: 's',
            header: t('hub.name'),
            rowHeader: true,
            render: (r) => `${r.s.code} — ${pick(r.s.name)}`,
          },
          { key: 'm', header: t('station.measure'), render: (r) => pick(r.m.name) },
          {
            key: 'v',
            header: t('hub.latest'),
            nowrap: true,
            render: (r) => (r.m.latest ? `${number(r.m.latest.value)} ${r.m.unit}` : '—'),
          },
          {
            key: 'c',
            header: t('water.compliant'),
            render: (r) =>
              r.m.compliant === null
                ? t('water.unknown')
                : r.m.compliant
                  ? `✓ ${t('water.compliant')}`
                  : `✗ ${t('water.nonCompliant')}`,
          },
        ]}
      />
      {outlet && (
        <section>
          <h2>{t('water.log')}</h2>
          <TextField
            id={`${id}-day`}
            type="date"
            label={t('water.logDay')}
            value={logDay}
            onChange={(e) => setLogDay(e.target.value)}
          />
          <Table
            caption={`${t('water.log')} — ${outlet.code}, ${logDay}`}
            rows={log.data?.days[0]?.periods ?? []}
            rowKey={(p) => p.periodStart}
            columns={[
              {
                key: 'p',
                header: t('water.logPeriod'),
                rowHeader: true,
                nowrap: true,
                render: (p) => dateTime(p.periodStart),
              },
              {
                key: 'min',
                header: t('water.logMin'),
                render: (p) =>
                  p.minChlorine === null
                    ? '—'
                    : `${number(p.minChlorine, 3)}${p.compliant === false ? ` ✗ ${t('water.nonCompliant')}` : ''}`,
              },
              { key: 'at', header: t('water.logAt'), render: (p) => (p.at ? dateTime(p.at) : '—') },
              { key: 'f', header: t('water.logFlow'), render: (p) => number(p.flow, 1) },
              { key: 'v', header: t('water.logVolume'), render: (p) => number(p.volume, 0) },
            ]}
          />
        </section>
      )}
      {d && (
        <section>
          <h2>{t('water.sampling', { month: d.sampling.month })}</h2>
          <p>
            {t('water.samplingLine', {
              required: d.sampling.required ?? '—',
              extremity: d.sampling.extremityRequired ?? '—',
              planned: d.sampling.planned,
              taken: d.sampling.taken,
              extremityTaken: d.sampling.extremityTaken,
            })}
          </p>
          <Button variant="secondary" onClick={() => plan.mutate()} busy={plan.isPending}>
            {t('water.plan')}
          </Button>
          <Table
            caption={t('water.samples')}
            rows={calendar.data?.samples ?? []}
            rowKey={(s) => s.id}
            columns={[
              {
                key: 'd',
                header: t('water.plannedFor'),
                rowHeader: true,
                nowrap: true,
                render: (s) => s.plannedFor,
              },
              {
                key: 'p',
                header: t('water.point'),
                render: (s) => `${pick(s.station)}${s.extremity ? ' ⟂' : ''}`,
              },
              {
                key: 'r',
                header: t('water.result'),
                render: (s) =>
                  s.status === 'resulted'
                    ? `E. coli ${s.eColi} · CT ${s.totalColiforms} · ${s.compliant ? t('water.compliant') : t('water.nonCompliant')}`
                    : s.status,
              },
            ]}
          />
          {pending.length > 0 && (
            <form
              className="form"
              onSubmit={(e) => {
                e.preventDefault();
                saveResult.mutate();
              }}
            >
              <h3>{t('water.enterResult')}</h3>
              <SelectField
                id={`${id}-sample`}
                label={t('water.samples')}
                value={result.sampleId}
                onChange={(e) => setResult({ ...result, sampleId: e.target.value })}
                required
              >
                <option value="">—</option>
                {pending.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.plannedFor} — {pick(s.station)}
                  </option>
                ))}
              </SelectField>
              <TextField
                id={`${id}-lab`}
                label={t('water.lab')}
                value={result.laboratory}
                onChange={(e) => setResult({ ...result, laboratory: e.target.value })}
                required
              />
              <TextField
                id={`${id}-taken`}
                type="datetime-local"
                label={t('water.takenAt')}
                value={result.takenAt}
                onChange={(e) => setResult({ ...result, takenAt: e.target.value })}
                required
              />
              <TextField
                id={`${id}-ec`}
                inputMode="numeric"
                label={t('water.eColi')}
                value={result.eColi}
                onChange={(e) => setResult({ ...result, eColi: e.target.value })}
                required
              />
              <TextField
                id={`${id}-ct`}
                inputMode="numeric"
                label={t('water.coliforms')}
                value={result.totalColiforms}
                onChange={(e) => setResult({ ...result, totalColiforms: e.target.value })}
                required
              />
              <Button type="submit" busy={saveResult.isPending}>
                {t('water.enterResult')}
              </Button>
            </form>
          )}
        </section>
      )}
      <h2>{t('water.exceedances')}</h2>
      {d && d.exceedances.length === 0 && <p>{t('water.noExceedances')}</p>}
      {d && d.exceedances.length > 0 && (
        <Table
          caption={t('water.exceedances')}
          rows={d.exceedances}
          rowKey={(e) => e.id}
          columns={[
            { key: 's', header: t('water.point'), rowHeader: true, render: (e) => pick(e.station) },
            {
              key: 'p',
              header: t('water.result'),
              render: (e) => `${e.parameter === 'e_coli' ? 'E. coli' : 'CT'} ${e.value}/100 mL`,
            },
            { key: 'st', header: t('reports.status'), render: (e) => e.status },
            {
              key: 'a',
              header: t('water.notice'),
              render: (e) => (
                <>
                  {e.status !== 'notice_issued' && (
                    <Button
                      variant="secondary"
                      onClick={() =>
                        step.mutate({
                          exceedanceId: e.id,
                          step: 'notice',
                          boilWater: e.parameter === 'e_coli',
                        })
                      }
                    >
                      {e.parameter === 'e_coli' ? t('water.boilNotice') : t('water.notice')}
                    </Button>
                  )}{' '}
                  <Button
                    variant="secondary"
                    onClick={() => step.mutate({ exceedanceId: e.id, step: 'close' })}
                  >
                    {t('water.closeExceedance')}
                  </Button>
                </>
              ),
            },
          ]}
        />
      )}
    </Page>
  );
}

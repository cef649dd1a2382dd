// The dispatch board's indicators of the last 30 days: key figures, trips per day, the acceptance rate
// with the answers given to requests, and the CSV export of every daily figure.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../app/api.ts';
import { LineChart } from '../../ui/charts/index.ts';
import { Table } from '../../ui/Table.tsx';

interface DayIndicators {
  date: string;
  booked: number;
  completed: number;
  noShows: number;
  punctuality: number | null;
  kmPerPassenger: number | null;
  leadMinutes: number | null;
  requests: number;
  accepted: number;
  alternativesOffered: number;
  refused: number;
  acceptanceRate: number | null;
}

/** The indicators section of the dispatch board. */
export function Indicators({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation('transit');
  const indicators = useQuery({
    queryKey: ['transit', orgId, 'indicators'],
    queryFn: async () =>
      (await call(
        api.GET('/api/orgs/{orgId}/transit/indicators', { params: { path: { orgId }, query: {} } }),
      )) as {
        days: DayIndicators[];
      },
  });
  const days = indicators.data?.days ?? [];
  if (days.length === 0) return null;
  const locale = i18n.language === 'en' ? 'en-CA' : 'fr-CA';
  const mean = (pick: (d: DayIndicators) => number | null) => {
    const values = days.map(pick).filter((v): v is number => v !== null);
    return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
  };
  const punctuality = mean((d) => d.punctuality);
  const km = mean((d) => d.kmPerPassenger);
  const lead = mean((d) => d.leadMinutes);
  const requests = days.reduce((n, d) => n + d.requests, 0);
  // Over the period, not a mean of daily rates: a quiet day weighs as little as it should.
  const acceptance = requests ? days.reduce((n, d) => n + d.accepted, 0) / requests : null;
  const percent = (v: number) => v.toLocaleString(locale, { style: 'percent' });
  return (
    <section>
      <h2>{t('board.indicators')}</h2>
      <ul className="transit-kpi">
        <li>
          {t('board.punctuality')} :{' '}
          <strong>
            {punctuality === null ? '—' : punctuality.toLocaleString(locale, { style: 'percent' })}
          </strong>
        </li>
        <li>
          {t('board.kmPerPassenger')} :{' '}
          <strong>{km === null ? '—' : km.toLocaleString(locale, { maximumFractionDigits: 1 })}</strong>
        </li>
        <li>
          {t('board.lead')} : <strong>{lead === null ? '—' : `${Math.round(lead)} min`}</strong>
        </li>
        <li>
          {t('board.noShows')} : <strong>{days.reduce((n, d) => n + d.noShows, 0)}</strong>
        </li>
        <li>
          {t('board.acceptance')} : <strong>{acceptance === null ? '—' : percent(acceptance)}</strong>
        </li>
      </ul>
      <LineChart
        title={t('board.tripsPerDay')}
        labelHeader={t('board.day')}
        valueLabel={t('board.trips')}
        points={days.map((d) => ({ label: d.date, value: d.booked }))}
      />
      <AcceptanceByDay days={days.filter((d) => d.requests > 0)} format={percent} />
      <p>
        <a href={`/api/orgs/${orgId}/transit/indicators?format=csv`} download>
          {t('board.export')}
        </a>
      </p>
    </section>
  );
}

/** The acceptance rate per day as a chart, and the answers given to the requests as a table. */
function AcceptanceByDay({ days, format }: { days: DayIndicators[]; format: (v: number) => string }) {
  const { t } = useTranslation('transit');
  if (days.length === 0) return null;
  return (
    <>
      <LineChart
        title={t('board.acceptancePerDay')}
        labelHeader={t('board.day')}
        valueLabel={t('board.acceptance')}
        format={format}
        points={days.map((d) => ({ label: d.date, value: d.acceptanceRate ?? 0 }))}
      />
      <Table
        caption={t('board.requestsTable')}
        rows={days}
        rowKey={(d) => d.date}
        columns={[
          { key: 'day', header: t('board.day'), rowHeader: true, nowrap: true, render: (d) => d.date },
          { key: 'requests', header: t('board.requests'), render: (d) => d.requests },
          { key: 'accepted', header: t('board.accepted'), render: (d) => d.accepted },
          {
            key: 'alternatives',
            header: t('board.alternativesOffered'),
            render: (d) => d.alternativesOffered,
          },
          { key: 'refused', header: t('board.refused'), render: (d) => d.refused },
          {
            key: 'rate',
            header: t('board.acceptance'),
            render: (d) => (d.acceptanceRate === null ? '—' : format(d.acceptanceRate)),
          },
        ]}
      />
    </>
  );
}

import './portal.css';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../app/api.ts';
import { orgName } from '../../app/org.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';
import { useBilingual, useDollars, useTown } from './shared.tsx';

/** The assessment roll: search by address, matricule or lot (public). */
export function RollSearchPage() {
  const { t, i18n } = useTranslation('portal');
  const { t: common } = useTranslation();
  const { orgSlug } = useParams();
  const { town, loading } = useTown(orgSlug);
  const bi = useBilingual();
  const dollars = useDollars();
  const id = useId();
  const [q, setQ] = useState('');
  const [year, setYear] = useState('');
  const typed = useDeferredValue(q.trim());
  const orgId = town?.id ?? '';
  const years = useQuery({
    queryKey: ['portal', orgId, 'roll-years'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/portal/roll/years', { params: { path: { orgId } } })),
    enabled: !!orgId,
  });
  const results = useQuery({
    queryKey: ['portal', orgId, 'roll-search', typed, year],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/portal/roll/search', {
          params: {
            path: { orgId },
            query: { q: typed, limit: 20, ...(year ? { year: Number(year) } : {}) },
          },
        }),
      ),
    enabled: !!orgId && typed.length >= 2,
    placeholderData: (previous) => previous,
  });
  if (loading || !town) return <Loading />;
  const title = t('roll.title');
  return (
    <Page title={title} heading={`${title} — ${orgName(town, i18n.language)}`}>
      <p className="lead">{t('roll.lead')}</p>
      <search>
        <form className="form" onSubmit={(event) => event.preventDefault()}>
          <TextField
            id={`${id}-q`}
            label={t('roll.searchLabel')}
            hint={t('roll.searchHint')}
            value={q}
            autoComplete="off"
            onChange={(event) => setQ(event.target.value)}
          />
          {(years.data?.items.length ?? 0) > 1 && (
            <SelectField
              id={`${id}-year`}
              label={t('roll.year')}
              value={year}
              onChange={(event) => setYear(event.target.value)}
            >
              <option value="">{t('roll.latestYear')}</option>
              {years.data?.items.map((y) => (
                <option key={y.year} value={String(y.year)}>
                  {y.year}
                </option>
              ))}
            </SelectField>
          )}
        </form>
      </search>
      {years.data && years.data.items.length === 0 && <Alert tone="info">{t('roll.notLoaded')}</Alert>}
      {results.isError && <Alert tone="error">{errorMessage(results.error, common)}</Alert>}
      <div aria-live="polite">
        {typed.length >= 2 && results.data && (
          <>
            <p>{t('roll.resultCount', { count: results.data.items.length })}</p>
            <ul className="portal-results">
              {results.data.items.map((unit) => (
                <li key={unit.id}>
                  <Link to={`/${town.slug}/roll/${unit.id}`}>{unit.address ?? unit.matricule}</Link>
                  <br />
                  <span className="muted">
                    {t('roll.matricule')} {unit.matricule} ·{' '}
                    {unit.use ? `${unit.use.code} ${bi(unit.use)}` : '—'} · {dollars(unit.totalValue)} (
                    {unit.year})
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <p>
        <Link to={`/${town.slug}/map`}>{t('nav.map')}</Link> ·{' '}
        <Link to={`/${town.slug}/permits`}>{t('nav.permits')}</Link>
      </p>
    </Page>
  );
}

import './recreation.css';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { orgName, useOrgs } from '../../../app/org.tsx';
import { Button } from '../../../ui/Button.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { Loadable, Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Pagination } from '../../../ui/Pagination.tsx';
import { type Activity, useBi, useCart, useMoney, useTown, weekdayName } from './shared.tsx';

const CATEGORIES = ['sport', 'loisir', 'culture', 'camp_de_jour'] as const;
const FILTERS = ['q', 'category', 'age', 'weekday', 'from', 'to', 'townId', 'placesLeft'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/** One activity in the list. */
export function ActivityCard({ activity, slug }: { activity: Activity; slug: string }) {
  const { t, i18n } = useTranslation('citizen');
  const bi = useBi();
  const money = useMoney();
  const ages =
    activity.minAge !== null && activity.maxAge !== null
      ? t('activities.agesBetween', { min: activity.minAge, max: activity.maxAge })
      : activity.minAge !== null
        ? t('activities.agesFrom', { min: activity.minAge })
        : activity.maxAge !== null
          ? t('activities.agesUpTo', { max: activity.maxAge })
          : t('activities.allAges');
  return (
    <li className="card activity-card">
      <h2>
        <Link to={`/${slug}/activities/${activity.id}?town=${activity.orgId}`}>{bi(activity.title)}</Link>
      </h2>
      <p className="muted">
        {t(`activities.categories.${activity.category}`)} · {bi(activity.town.name)} · {activity.facility}
      </p>
      <ul className="plain-list">
        <li>{ages}</li>
        {activity.schedule.map((s) => (
          <li key={`${s.weekday}-${s.start}`}>
            {t('activities.slot', { day: weekdayName(s.weekday, i18n.language), start: s.start, end: s.end })}
          </li>
        ))}
        <li>{t('activities.residentPrice', { price: money(activity.prices.residentCents) })}</li>
        <li>
          {activity.placesLeft > 0 ? (
            <span className="badge badge--ok">
              {t('activities.placesLeft', { count: activity.placesLeft })}
            </span>
          ) : (
            <span className="badge">{t('activities.fullWaitlist', { count: activity.waitlistCount })}</span>
          )}
        </li>
      </ul>
    </li>
  );
}

/** The public catalogue: activities of the town and of its recreation partners, with search and filters. */
export function CataloguePage() {
  const { t, i18n } = useTranslation('citizen');
  const { orgSlug } = useParams();
  const { town, loading } = useTown(orgSlug);
  const { orgs } = useOrgs();
  const [params, setParams] = useSearchParams();
  const id = useId();
  const read = (): Filters => Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Filters;
  const [draft, setDraft] = useState<Filters>(read);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const applied = read();
  const orgId = town?.id ?? '';
  const cart = useCart(orgId);
  const query = useQuery({
    queryKey: ['citizen', 'catalogue', orgId, applied, page],
    queryFn: () =>
      call(
        api.GET('/api/citizen/orgs/{orgId}/catalogue', {
          params: {
            path: { orgId },
            query: {
              page,
              perPage: 24,
              q: applied.q || undefined,
              category: (applied.category || undefined) as (typeof CATEGORIES)[number] | undefined,
              age: applied.age ? Number(applied.age) : undefined,
              weekday: applied.weekday ? Number(applied.weekday) : undefined,
              from: applied.from || undefined,
              to: applied.to || undefined,
              townId: applied.townId || undefined,
              placesLeft: applied.placesLeft === 'true' ? true : undefined,
            },
          },
        }),
      ),
    enabled: !!orgId,
    placeholderData: keepPreviousData,
  });
  if (loading || !town) return <Loading />;
  const partners = [
    town.id,
    ...town.partnerships.filter((p) => p.scope === 'recreation').flatMap((p) => p.orgIds),
  ];
  const towns = orgs.filter((o) => partners.includes(o.id));
  const set = (name: keyof Filters) => (event: { target: { value: string } }) =>
    setDraft((old) => ({ ...old, [name]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== '')));
  };
  const href = (p: number) => `?${new URLSearchParams({ ...Object.fromEntries(params), page: String(p) })}`;
  return (
    <Page title={t('activities.title', { town: orgName(town, i18n.language) })}>
      <p className="lead">{t('activities.lead')}</p>
      <p className="btn-row">
        <Link to={`/${town.slug}/cart`}>{t('registrations.cartLink', { count: cart.lines.length })}</Link>
        <Link to={`/${town.slug}/registrations`}>{t('registrations.mineLink')}</Link>
        <Link to={`/${town.slug}/residency`}>{t('residency.link')}</Link>
        <Link to={`/${town.slug}/cards`}>{t('cards.link')}</Link>
      </p>
      <form className="filters-form" onSubmit={submit} aria-label={t('activities.filters')}>
        <TextField
          id={`${id}-q`}
          label={t('activities.search')}
          value={draft.q}
          onChange={set('q')}
          type="search"
        />
        <SelectField
          id={`${id}-category`}
          label={t('activities.category')}
          value={draft.category}
          onChange={set('category')}
        >
          <option value="">{t('activities.any')}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`activities.categories.${c}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id={`${id}-age`}
          label={t('activities.age')}
          value={draft.age}
          onChange={set('age')}
          inputMode="numeric"
          inputSize="short"
        />
        <SelectField
          id={`${id}-weekday`}
          label={t('activities.weekday')}
          value={draft.weekday}
          onChange={set('weekday')}
        >
          <option value="">{t('activities.any')}</option>
          {[1, 2, 3, 4, 5, 6, 7].map((d) => (
            <option key={d} value={d}>
              {weekdayName(d, i18n.language)}
            </option>
          ))}
        </SelectField>
        <TextField
          id={`${id}-from`}
          label={t('activities.from')}
          value={draft.from}
          onChange={set('from')}
          type="time"
          inputSize="short"
        />
        <TextField
          id={`${id}-to`}
          label={t('activities.to')}
          value={draft.to}
          onChange={set('to')}
          type="time"
          inputSize="short"
        />
        <SelectField
          id={`${id}-town`}
          label={t('activities.town')}
          value={draft.townId}
          onChange={set('townId')}
        >
          <option value="">{t('activities.allTowns')}</option>
          {towns.map((o) => (
            <option key={o.id} value={o.id}>
              {orgName(o, i18n.language)}
            </option>
          ))}
        </SelectField>
        <div className="checkbox">
          <input
            id={`${id}-places`}
            type="checkbox"
            checked={draft.placesLeft === 'true'}
            onChange={(event) =>
              setDraft((old) => ({ ...old, placesLeft: event.target.checked ? 'true' : '' }))
            }
          />
          <label htmlFor={`${id}-places`}>{t('activities.onlyPlacesLeft')}</label>
        </div>
        <div className="btn-row">
          <Button type="submit">{t('activities.apply')}</Button>
        </div>
      </form>
      <Loadable query={query}>
        {(data) => (
          <>
            <p role="status">{t('activities.count', { count: data.total })}</p>
            <ul className="card-grid">
              {data.items.map((a) => (
                <ActivityCard key={a.id} activity={a} slug={town.slug} />
              ))}
            </ul>
            <Pagination page={data.page} perPage={data.perPage} total={data.total} hrefFor={href} />
          </>
        )}
      </Loadable>
    </Page>
  );
}

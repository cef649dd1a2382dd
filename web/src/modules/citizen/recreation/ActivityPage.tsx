import './recreation.css';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { useSession } from '../../../app/session.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { SelectField } from '../../../ui/Field.tsx';
import { formatDate, formatDateTime } from '../../../ui/format.ts';
import { Loadable, Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { type Activity, useBi, useCart, useHousehold, useMoney, useTown, weekdayName } from './shared.tsx';

function AddToCart({ activity }: { activity: Activity }) {
  const { t, i18n } = useTranslation('citizen');
  const bi = useBi();
  const money = useMoney();
  const id = useId();
  const household = useHousehold();
  const cart = useCart(activity.orgId);
  const [personId, setPersonId] = useState('');
  const [added, setAdded] = useState('');
  const [missing, setMissing] = useState(false);
  const eligibility = useQuery({
    queryKey: ['citizen', 'eligibility', activity.orgId, activity.id, personId, i18n.language],
    queryFn: () =>
      call(
        api.GET('/api/citizen/orgs/{orgId}/eligibility', {
          params: { path: { orgId: activity.orgId }, query: { activityId: activity.id, personId } },
        }),
      ),
    enabled: !!personId,
  });
  if (household.isPending) return <Loading />;
  const members = household.data?.members ?? [];
  const person = members.find((m) => m.id === personId);
  const add = () => {
    if (!person) {
      setAdded('');
      setMissing(true);
      return;
    }
    setMissing(false);
    const fresh = cart.add({
      activityId: activity.id,
      personId: person.id,
      activity: activity.title,
      person: `${person.givenName} ${person.familyName}`,
      seasonId: activity.season.id,
    });
    setAdded(
      fresh
        ? t('activities.added', { name: person.givenName, title: bi(activity.title) })
        : t('activities.alreadyInCart', { name: person.givenName }),
    );
  };
  const problems = eligibility.data?.problems ?? [];
  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h2 id={`${id}-title`}>{t('activities.register')}</h2>
      {added && (
        <Alert tone="success">
          <p>{added}</p>
          <p>
            <Link to={`/${activity.town.slug}/cart`}>{t('registrations.goToCart')}</Link>
          </p>
        </Alert>
      )}
      <SelectField
        id={`${id}-person`}
        label={t('activities.who')}
        value={personId}
        error={missing ? t('activities.noPerson') : undefined}
        onChange={(e) => setPersonId(e.target.value)}
      >
        <option value="">{t('activities.choosePerson')}</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.givenName} {m.familyName}
          </option>
        ))}
      </SelectField>
      {eligibility.data && (
        <p>
          {t(`activities.priceFor.${eligibility.data.category}`, {
            price: money(eligibility.data.listPriceCents),
          })}
        </p>
      )}
      {problems.length > 0 && (
        <Alert tone="warning" title={t('activities.cannotYet')}>
          <ul>
            {problems.map((p) => (
              <li key={p.code}>{p.message}</li>
            ))}
          </ul>
        </Alert>
      )}
      <Button onClick={add}>{t('activities.addToCart')}</Button>
    </section>
  );
}

/** One activity: what, where, when, for whom, how much, and the way to register. */
export function ActivityPage() {
  const { t, i18n } = useTranslation('citizen');
  const bi = useBi();
  const money = useMoney();
  const { orgSlug, activityId = '' } = useParams();
  const [params] = useSearchParams();
  const { town, loading } = useTown(orgSlug);
  const { signedIn } = useSession();
  const orgId = params.get('town') ?? town?.id ?? '';
  const query = useQuery({
    queryKey: ['citizen', 'activity', orgId, activityId],
    queryFn: () =>
      call(
        api.GET('/api/citizen/orgs/{orgId}/activities/{activityId}', {
          params: { path: { orgId, activityId } },
        }),
      ),
    enabled: !!orgId,
  });
  if (loading || !town) return <Loading />;
  return (
    <Loadable query={query}>
      {(a) => (
        <Page title={bi(a.title)}>
          <p className="lead">{bi(a.description)}</p>
          <dl className="summary-list">
            <dt>{t('activities.category')}</dt>
            <dd>{t(`activities.categories.${a.category}`)}</dd>
            <dt>{t('activities.town')}</dt>
            <dd>{bi(a.town.name)}</dd>
            <dt>{t('activities.facility')}</dt>
            <dd>{a.facility}</dd>
            {a.instructor && (
              <>
                <dt>{t('activities.instructor')}</dt>
                <dd>{a.instructor}</dd>
              </>
            )}
            <dt>{t('activities.dates')}</dt>
            <dd>{t('activities.fromTo', { start: formatDate(a.startsOn), end: formatDate(a.endsOn) })}</dd>
            <dt>{t('activities.schedule')}</dt>
            <dd>
              <ul className="plain-list">
                {a.schedule.map((s) => (
                  <li key={`${s.weekday}-${s.start}`}>
                    {t('activities.slot', {
                      day: weekdayName(s.weekday, i18n.language),
                      start: s.start,
                      end: s.end,
                    })}
                  </li>
                ))}
              </ul>
            </dd>
            <dt>{t('activities.ages')}</dt>
            <dd>
              {t('activities.agesAt', {
                min: a.minAge ?? 0,
                max: a.maxAge ?? 120,
                date: formatDate(a.ageReferenceDate),
              })}
            </dd>
            <dt>{t('activities.prices')}</dt>
            <dd>
              {t('activities.pricesList', {
                resident: money(a.prices.residentCents),
                partner: money(a.prices.partnerCents),
                other: money(a.prices.nonResidentCents),
              })}
            </dd>
            <dt>{t('activities.windows')}</dt>
            <dd>
              {t('activities.windowsText', {
                residents: formatDateTime(a.windows.residentOpensAt),
                others: formatDateTime(a.windows.nonResidentOpensAt),
                closes: formatDateTime(a.windows.closesAt),
              })}
            </dd>
            <dt>{t('activities.places')}</dt>
            <dd>
              {a.placesLeft > 0
                ? t('activities.placesLeft', { count: a.placesLeft })
                : t('activities.fullWaitlist', { count: a.waitlistCount })}
            </dd>
            <dt>{t('activities.cancellation')}</dt>
            <dd>
              {t('activities.cancellationText', {
                days: a.cancellation.fullRefundDaysBefore,
                percent: a.cancellation.refundPercentAfter,
                fee: money(a.cancellation.feeCents),
              })}
            </dd>
          </dl>
          <p>
            <a
              href={`/api/citizen/orgs/${a.orgId}/activities/${a.id}/calendar.ics?lang=${i18n.language === 'en' ? 'en' : 'fr'}`}
              download
            >
              {t('activities.calendar')}
            </a>
          </p>
          {signedIn ? (
            <AddToCart activity={a} />
          ) : (
            <p>
              <Link to="/sign-in">{t('activities.signInToRegister')}</Link>
            </p>
          )}
          <p>
            <Link to={`/${town.slug}/activities`}>{t('activities.back')}</Link>
          </p>
        </Page>
      )}
    </Loadable>
  );
}

import './portal.css';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { formatDate } from '../../ui/format.ts';
import { Loadable, Loading } from '../../ui/Loadable.tsx';
import { type MapFeature, MapView, useMapTiles } from '../../ui/map/index.ts';
import { Page } from '../../ui/Page.tsx';
import { useBilingual, useDollars, useNumber, useTown } from './shared.tsx';

/** One assessment unit: values and their change, characteristics, use, position; owners for staff only. */
export function RollUnitPage() {
  const { t, i18n } = useTranslation('portal');
  const { orgSlug, unitId } = useParams();
  const { town, loading } = useTown(orgSlug);
  const { signedIn } = useSession();
  const bi = useBilingual();
  const dollars = useDollars();
  const number = useNumber();
  const tiles = useMapTiles();
  const orgId = town?.id ?? '';
  const unit = useQuery({
    queryKey: ['portal', orgId, 'roll-unit', unitId, signedIn],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/portal/roll/units/{unitId}', {
          params: { path: { orgId, unitId: unitId ?? '' } },
        }),
      ),
    enabled: !!orgId && !!unitId,
  });
  if (loading || !town) return <Loading />;
  const locale = i18n.language === 'en' ? 'en-CA' : 'fr-CA';
  return (
    <Loadable query={unit}>
      {(u) => {
        const title = u.address ?? u.matricule;
        const change = u.values.changePercent;
        const feature: MapFeature | null =
          u.latitude !== null && u.longitude !== null
            ? {
                type: 'Feature',
                id: u.id,
                geometry: { type: 'Point', coordinates: [u.longitude, u.latitude] },
                properties: { label: title },
              }
            : null;
        const c = u.characteristics;
        return (
          <Page title={title}>
            <p className="lead">
              {t('roll.unitLead', { year: u.year })} ·{' '}
              <Link to={`/${town.slug}/roll`}>{t('roll.backToSearch')}</Link>
            </p>
            <h2>{t('roll.identification')}</h2>
            <dl className="portal-facts">
              <dt>{t('roll.matricule')}</dt>
              <dd>{u.matricule}</dd>
              <dt>{t('roll.matriculeFull')}</dt>
              <dd>{u.matriculeFull}</dd>
              <dt>{t('roll.addresses')}</dt>
              <dd>{u.addresses.map((a) => a.label).join(' ; ') || '—'}</dd>
              <dt>{t('roll.lots')}</dt>
              <dd>{u.lots.join(', ') || '—'}</dd>
              <dt>{t('roll.use')}</dt>
              <dd>{u.use ? `${u.use.code} — ${bi(u.use)}` : '—'}</dd>
              <dt>{t('roll.neighbourhood')}</dt>
              <dd>{u.neighbourhood ?? '—'}</dd>
            </dl>
            <h2>{t('roll.values')}</h2>
            <dl className="portal-facts">
              <dt>{t('roll.referenceDate')}</dt>
              <dd>{formatDate(u.values.referenceDate)}</dd>
              <dt>{t('roll.land')}</dt>
              <dd>{dollars(u.values.land)}</dd>
              <dt>{t('roll.building')}</dt>
              <dd>{dollars(u.values.building)}</dd>
              <dt>{t('roll.total')}</dt>
              <dd>
                <strong>{dollars(u.values.total)}</strong>
              </dd>
              <dt>{t('roll.previous')}</dt>
              <dd>{dollars(u.values.previous)}</dd>
              <dt>{t('roll.change')}</dt>
              <dd className={change === null ? undefined : change >= 0 ? 'portal-up' : 'portal-down'}>
                {change === null ? '—' : `${change > 0 ? '+' : ''}${change.toLocaleString(locale)} %`}
              </dd>
              {u.previousRoll && (
                <>
                  <dt>{t('roll.previousRoll', { year: u.previousRoll.year })}</dt>
                  <dd>{dollars(u.previousRoll.totalValue)}</dd>
                </>
              )}
            </dl>
            <h2>{t('roll.characteristics')}</h2>
            <dl className="portal-facts">
              <dt>{t('roll.frontage')}</dt>
              <dd>{number(c.frontage, 'm')}</dd>
              <dt>{t('roll.area')}</dt>
              <dd>{number(c.area, 'm²')}</dd>
              <dt>{t('roll.storeys')}</dt>
              <dd>{number(c.storeys)}</dd>
              <dt>{t('roll.yearBuilt')}</dt>
              <dd>
                {c.yearBuilt ?? '—'}
                {c.yearBuiltKind
                  ? ` (${t(c.yearBuiltKind === 'R' ? 'roll.yearReal' : 'roll.yearEstimated')})`
                  : ''}
              </dd>
              <dt>{t('roll.floorArea')}</dt>
              <dd>{number(c.floorArea, 'm²')}</dd>
              <dt>{t('roll.dwellings')}</dt>
              <dd>{number(c.dwellings)}</dd>
            </dl>
            <h2>{t('roll.owners')}</h2>
            {u.ownersVisible ? (
              <>
                <Alert tone="warning">{t('roll.ownersAudited')}</Alert>
                {u.owners && u.owners.length > 0 ? (
                  <ul>
                    {u.owners.map((o) => (
                      <li key={JSON.stringify(o)}>
                        {Object.entries(o)
                          .map(([k, v]) => `${k}: ${v}`)
                          .join(' · ')}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p>{t('roll.noOwners')}</p>
                )}
              </>
            ) : (
              <p>{t('roll.ownersHidden')}</p>
            )}
            <h2>{t('roll.map')}</h2>
            {feature ? (
              <MapView
                caption={t('roll.mapCaption', { address: title })}
                features={[feature]}
                tiles={tiles}
                height="18rem"
              />
            ) : (
              <p>{t('roll.noPosition')}</p>
            )}
            <p>
              <Link to={`/${town.slug}/permits`}>{t('roll.applyHere')}</Link>
            </p>
          </Page>
        );
      }}
    </Loadable>
  );
}

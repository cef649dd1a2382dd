import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { orgName } from '../../../app/org.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { Loading } from '../../../ui/Loadable.tsx';
import { type MapFeature, MapView, useMapTiles } from '../../../ui/map/index.ts';
import { Page } from '../../../ui/Page.tsx';
import { useBi, useRegion } from './shared.tsx';

export const CATEGORIES = [
  'services',
  'schools',
  'health',
  'daycare',
  'leisure',
  'housing_help',
  'employers',
] as const;

/**
 * The interactive map of the territory: places by category and the member municipalities' outlines, with
 * filters, a search and the list view of the same data (MapView). Each place links to its public page.
 */
export function RegionMapPage() {
  const { t, i18n } = useTranslation('region');
  const { orgSlug } = useParams();
  const { region, loading } = useRegion(orgSlug);
  const bi = useBi();
  const tiles = useMapTiles();
  const id = useId();
  const [chosen, setChosen] = useState<Set<string>>(new Set(CATEGORIES));
  const [municipality, setMunicipality] = useState('');
  const [q, setQ] = useState('');
  const typed = useDeferredValue(q.trim());
  const org = orgSlug ?? '';
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const places = useQuery({
    queryKey: ['region', org, 'places', [...chosen].sort().join(','), municipality, typed],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/region/places', {
          params: {
            path: { orgId: org },
            query: { category: [...chosen], q: typed || undefined, municipality: municipality || undefined },
          },
        }),
      ),
    enabled: !!org && chosen.size > 0,
  });
  const outlines = useQuery({
    queryKey: ['region', org, 'boundaries'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/region/boundaries', { params: { path: { orgId: org } } })),
    enabled: !!org,
  });
  const features = useMemo(() => {
    const all: MapFeature[] = [];
    const fc = outlines.data as
      | {
          features?: Array<{
            id: string;
            geometry: MapFeature['geometry'];
            properties: { nameFr: string; nameEn: string; approximate: boolean };
          }>;
        }
      | undefined;
    for (const f of fc?.features ?? []) {
      const name = lang === 'en' ? f.properties.nameEn : f.properties.nameFr;
      all.push({
        type: 'Feature',
        id: `outline-${f.id}`,
        geometry: f.geometry,
        properties: {
          label: f.properties.approximate ? t('map.outlineApprox', { name }) : t('map.outline', { name }),
          category: t('map.municipality'),
          municipality: name,
          address: '',
        },
      });
    }
    for (const p of places.data?.items ?? []) {
      all.push({
        type: 'Feature',
        id: `${p.category}-${p.slug}`,
        geometry: { type: 'Point', coordinates: [p.longitude, p.latitude] },
        properties: {
          label: bi(p.name),
          category: t(`cat.${p.category}` as 'cat.services'),
          municipality: p.municipality ? bi(p.municipality.name) : '',
          address: p.address,
          path: p.path.replace('/fr/', `/${lang}/`),
        },
      });
    }
    return all;
  }, [places.data, outlines.data, bi, t, lang]);
  if (loading || !region) return <Loading />;
  const title = t('map.title');
  const toggle = (c: string, on: boolean) =>
    setChosen((old) => {
      const next = new Set(old);
      if (on) next.add(c);
      else next.delete(c);
      return next;
    });
  const pointCount = places.data?.items.length ?? 0;
  return (
    <Page title={title} heading={`${title} — ${orgName(region, i18n.language)}`}>
      <p className="lead">{t('map.lead')}</p>
      <p>
        <a href={`/region/${region.slug}/${lang}/lieux`}>{t('map.noJs')}</a>
      </p>
      <div className="region-filters">
        <fieldset>
          <legend>{t('map.categories')}</legend>
          {CATEGORIES.map((c) => (
            <label key={c} htmlFor={`${id}-${c}`} className="region-check">
              <input
                id={`${id}-${c}`}
                type="checkbox"
                checked={chosen.has(c)}
                onChange={(e) => toggle(c, e.target.checked)}
              />
              {t(`cat.${c}`)}
            </label>
          ))}
        </fieldset>
        <SelectField
          id={`${id}-municipality`}
          label={t('map.municipality')}
          value={municipality}
          onChange={(e) => setMunicipality(e.target.value)}
        >
          <option value="">{t('map.all')}</option>
          {(places.data?.municipalities ?? []).map((m) => (
            <option key={m.slug} value={m.slug}>
              {bi(m.name)}
            </option>
          ))}
        </SelectField>
        <TextField
          id={`${id}-q`}
          type="search"
          label={t('map.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <p role="status">{t('map.count', { count: pointCount })}</p>
      <MapView
        caption={title}
        features={features}
        tiles={tiles}
        height="28rem"
        columns={[
          { key: 'category', header: t('map.category') },
          { key: 'municipality', header: t('map.municipality') },
          {
            key: 'path',
            header: t('map.page'),
            render: (f) =>
              typeof f.properties.path === 'string' ? (
                <Link to={f.properties.path} reloadDocument>
                  {f.properties.label}
                </Link>
              ) : null,
          },
        ]}
      />
    </Page>
  );
}

import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type ApiData, api, call } from '../../../app/api.ts';
import { intlLocale } from '../../../app/i18n.ts';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { fieldError } from '../../../ui/errors.ts';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { Loadable, Loading } from '../../../ui/Loadable.tsx';
import { type MapFeature, MapView, useMapTiles } from '../../../ui/map/index.ts';
import { Page } from '../../../ui/Page.tsx';
import { StepHeading } from '../../../ui/StepHeading.tsx';
import { Table } from '../../../ui/Table.tsx';
import { useStaff } from '../context.ts';

type Match = ApiData<'/api/orgs/{orgId}/addresses/search', 'get'>['items'][number];
const RADII = [100, 250, 500, 1000] as const;

/** The box of `radius` metres around a point, as the layer API wants it (west,south,east,north). */
function boxAround(lat: number, lon: number, radius: number): string {
  const dLat = radius / 111_320;
  const dLon = radius / (111_320 * Math.max(0.1, Math.cos((lat * Math.PI) / 180)));
  const round = (n: number) => n.toFixed(6);
  return [lon - dLon, lat - dLat, lon + dLon, lat + dLat].map(round).join(',');
}

/** A layer's GeoJSON features as the map draws them (points with a label); others are left out. */
function toMapFeatures(
  features: ReadonlyArray<{ id?: string | number; geometry: unknown; properties: unknown }>,
): MapFeature[] {
  return features.flatMap((f): MapFeature[] => {
    const g = f.geometry as { type?: unknown; coordinates?: unknown } | null;
    const p = f.properties as Record<string, unknown> | null;
    if (g?.type !== 'Point' || !Array.isArray(g.coordinates) || typeof p?.label !== 'string') return [];
    const [lon, lat] = g.coordinates;
    if (typeof lon !== 'number' || typeof lat !== 'number') return [];
    return [
      {
        type: 'Feature',
        id: f.id,
        geometry: { type: 'Point', coordinates: [lon, lat] },
        properties: { ...p, label: p.label },
      },
    ];
  });
}

/** The addresses of the register around a chosen address, on the map and as a list. */
function Area({ centre, radius }: { centre: Match; radius: number }) {
  const { t } = useTranslation();
  const { org } = useStaff();
  const tiles = useMapTiles();
  const [chosen, setChosen] = useState<MapFeature | null>(null);
  const lat = centre.latitude ?? 0;
  const lon = centre.longitude ?? 0;
  const bbox = boxAround(lat, lon, radius);
  const layer = useQuery({
    queryKey: ['address-layer', org.id, bbox],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/map/layers/{layerId}', {
          params: { path: { orgId: org.id, layerId: 'addresses' }, query: { bbox } },
        }),
      ),
  });
  return (
    <section aria-labelledby="area-title">
      <StepHeading id="area-title">{t('addresses.areaTitle', { label: centre.label, radius })}</StepHeading>
      <Loadable query={layer}>
        {(collection) => {
          const features = toMapFeatures(collection.features);
          return (
            <>
              {collection.truncated && <p>{t('addresses.truncated')}</p>}
              <MapView
                caption={t('addresses.mapCaption', { label: centre.label })}
                features={features}
                tiles={tiles}
                columns={[
                  {
                    key: 'postalCode',
                    header: t('addresses.postalCode'),
                    render: (f) =>
                      typeof f.properties.postalCode === 'string' ? f.properties.postalCode : '—',
                  },
                ]}
                onSelect={setChosen}
              />
              {chosen && (
                <div aria-live="polite">
                  <h3>{t('addresses.chosen')}</h3>
                  <p>
                    {chosen.properties.label}
                    {chosen.geometry?.type === 'Point' &&
                      ` — ${chosen.geometry.coordinates[1].toLocaleString(intlLocale(), { maximumFractionDigits: 6 })}, ${chosen.geometry.coordinates[0].toLocaleString(intlLocale(), { maximumFractionDigits: 6 })}`}
                  </p>
                </div>
              )}
            </>
          );
        }}
      </Loadable>
    </section>
  );
}

/** The address register: search that forgives accents and abbreviations, the area around a result on a map. */
export function AddressRegisterPage() {
  const { t } = useTranslation();
  const { org, base } = useStaff();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const [centre, setCentre] = useState<Match | null>(null);
  const [radius, setRadius] = useState<number>(250);
  const search = useQuery({
    queryKey: ['address-search', org.id, q],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/addresses/search', {
          params: { path: { orgId: org.id }, query: { q, limit: 20 } },
        }),
      ),
    enabled: q.trim() !== '',
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCentre(null);
    setParams(draft.trim() ? new URLSearchParams({ q: draft.trim() }) : new URLSearchParams());
  };
  const degrees = (n: number | null) =>
    n === null ? '—' : n.toLocaleString(intlLocale(), { maximumFractionDigits: 6 });

  return (
    <Page title={t('staff.addresses')}>
      <p>{t('addresses.intro')}</p>
      <p>
        <Link to={`${base}/addresses/import`}>{t('addresses.importLink')}</Link>
      </p>
      <form className="filters-form" onSubmit={submit} aria-label={t('addresses.searchLabel')} noValidate>
        <ErrorSummary
          error={search.error}
          fields={{ q: { id: 'address-q', label: t('addresses.search') } }}
        />
        <div className="filters">
          <TextField
            id="address-q"
            label={t('addresses.search')}
            hint={t('addresses.searchHint')}
            type="search"
            value={draft}
            error={fieldError(search.error, 'q')}
            onChange={(event) => setDraft(event.target.value)}
            spellCheck={false}
            autoComplete="off"
          />
          <SelectField
            id="address-radius"
            label={t('addresses.radius')}
            value={String(radius)}
            onChange={(event) => setRadius(Number(event.target.value))}
          >
            {RADII.map((r) => (
              <option key={r} value={r}>
                {t('addresses.metres', { radius: r })}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary">
            {t('addresses.searchButton')}
          </Button>
        </div>
      </form>
      {q && search.isPending && <Loading />}
      {search.data &&
        (search.data.items.length === 0 ? (
          <p role="status">{t('addresses.none', { q })}</p>
        ) : (
          <Table
            caption={t('addresses.results', { count: search.data.items.length, q })}
            rows={search.data.items}
            rowKey={(a) => a.id}
            columns={[
              { key: 'label', header: t('addresses.address'), rowHeader: true, render: (a) => a.label },
              {
                key: 'postal',
                header: t('addresses.postalCode'),
                nowrap: true,
                render: (a) => a.postalCode ?? '—',
              },
              {
                key: 'lat',
                header: t('addresses.latitude'),
                nowrap: true,
                render: (a) => degrees(a.latitude),
              },
              {
                key: 'lon',
                header: t('addresses.longitude'),
                nowrap: true,
                render: (a) => degrees(a.longitude),
              },
              {
                key: 'area',
                header: t('common.actions'),
                render: (a) =>
                  a.latitude !== null && a.longitude !== null ? (
                    <Button
                      variant="link"
                      className="link-target"
                      onClick={() => setCentre(a)}
                      aria-label={t('addresses.showAreaNamed', { label: a.label })}
                    >
                      {t('addresses.showArea')}
                    </Button>
                  ) : (
                    <span className="muted">{t('addresses.noPosition')}</span>
                  ),
              },
            ]}
          />
        ))}
      {centre && <Area key={`${centre.id}-${radius}`} centre={centre} radius={radius} />}
    </Page>
  );
}

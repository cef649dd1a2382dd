import './portal.css';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, call } from '../../app/api.ts';
import { orgName } from '../../app/org.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loadable.tsx';
import { type MapFeature, MapView, useMapTiles } from '../../ui/map/index.ts';
import { Page } from '../../ui/Page.tsx';
import { QUEBEC_BBOX, useBilingual, useTown } from './shared.tsx';

// Layers shown when the map opens; the roll's thousands of units and the raw address register wait for a click.
const OFF_AT_FIRST = new Set(['portal.roll', 'addresses']);

/**
 * The citizen map: every layer the features registered (permits, requests, facilities, zoning, roll units …)
 * with toggles, an address search that narrows the map around an address, and the list of what is shown.
 */
export function CitizenMapPage() {
  const { t, i18n } = useTranslation('portal');
  const { orgSlug } = useParams();
  const { town, loading } = useTown(orgSlug);
  const bi = useBilingual();
  const tiles = useMapTiles();
  const id = useId();
  const orgId = town?.id ?? '';
  const english = i18n.language === 'en';
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const [q, setQ] = useState('');
  const typed = useDeferredValue(q.trim());
  const [around, setAround] = useState<{ label: string; lat: number; lon: number } | null>(null);
  const layers = useQuery({
    queryKey: ['portal', orgId, 'map-layers'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/map/layers', { params: { path: { orgId } } })),
    enabled: !!orgId,
  });
  const extent = useQuery({
    queryKey: ['portal', orgId, 'map-extent'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/portal/map/extent', { params: { path: { orgId } } })),
    enabled: !!orgId,
  });
  const found = useQuery({
    queryKey: ['portal', orgId, 'map-address', typed],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/addresses/search', {
          params: { path: { orgId }, query: { q: typed, limit: 6 } },
        }),
      ),
    enabled: !!orgId && typed.length >= 3 && !around,
  });
  const on = (layerId: string) => chosen[layerId] ?? !OFF_AT_FIRST.has(layerId);
  const bbox = around
    ? `${around.lon - 0.006},${around.lat - 0.004},${around.lon + 0.006},${around.lat + 0.004}`
    : extent.data?.bbox
      ? extent.data.bbox.join(',')
      : QUEBEC_BBOX;
  const visible = (layers.data?.items ?? []).filter((l) => on(l.id));
  const results = useQueries({
    queries: visible.map((layer) => ({
      queryKey: ['portal', orgId, 'map-layer', layer.id, bbox],
      queryFn: () =>
        call(
          api.GET('/api/orgs/{orgId}/map/layers/{layerId}', {
            params: { path: { orgId, layerId: layer.id }, query: { bbox } },
          }),
        ),
      enabled: !!orgId && extent.isFetched,
    })),
  });
  const features = useMemo(() => {
    const all: MapFeature[] = [];
    results.forEach((r, i) => {
      const layer = visible[i];
      if (!layer || !r.data) return;
      for (const f of r.data.features as MapFeature[])
        all.push({
          ...f,
          properties: {
            ...f.properties,
            layerTitle: bi(layer.title),
            // Layers may give an English name beside the French one (facilities do).
            label: String(
              english && typeof f.properties.labelEn === 'string' ? f.properties.labelEn : f.properties.label,
            ),
          },
        });
    });
    if (around)
      all.push({
        type: 'Feature',
        id: 'searched-address',
        geometry: { type: 'Point', coordinates: [around.lon, around.lat] },
        properties: { label: around.label, layerTitle: t('map.searched') },
      });
    return all;
  }, [results, visible, around, bi, t, english]);
  const truncated = results.some((r) => r.data && 'truncated' in r.data && r.data.truncated);
  if (loading || !town) return <Loading />;
  const title = t('map.title');
  return (
    <Page title={title} heading={`${title} — ${orgName(town, i18n.language)}`}>
      <p className="lead">{t('map.lead')}</p>
      <fieldset className="portal-layers">
        <legend>{t('map.layers')}</legend>
        {(layers.data?.items ?? []).map((layer) => (
          <label key={layer.id} htmlFor={`${id}-${layer.id}`}>
            <input
              id={`${id}-${layer.id}`}
              type="checkbox"
              checked={on(layer.id)}
              onChange={(event) => setChosen((c) => ({ ...c, [layer.id]: event.target.checked }))}
            />
            {bi(layer.title)}
          </label>
        ))}
      </fieldset>
      <search>
        <form className="form" onSubmit={(event) => event.preventDefault()}>
          {around ? (
            <p>
              {t('map.around', { address: around.label })}{' '}
              <Button variant="link" onClick={() => setAround(null)}>
                {t('map.showAll')}
              </Button>
            </p>
          ) : (
            <>
              <TextField
                id={`${id}-q`}
                label={t('map.addressSearch')}
                value={q}
                autoComplete="off"
                onChange={(e) => setQ(e.target.value)}
              />
              <div aria-live="polite">
                {found.data && (
                  <ul className="portal-results">
                    {found.data.items.map((a) =>
                      a.latitude !== null && a.longitude !== null ? (
                        <li key={a.id}>
                          <Button
                            variant="secondary"
                            onClick={() =>
                              setAround({ label: a.label, lat: a.latitude ?? 0, lon: a.longitude ?? 0 })
                            }
                          >
                            {t('map.goTo', { address: a.label })}
                          </Button>
                        </li>
                      ) : null,
                    )}
                  </ul>
                )}
              </div>
            </>
          )}
        </form>
      </search>
      {truncated && <Alert tone="info">{t('map.truncated')}</Alert>}
      <MapView
        caption={t('map.caption')}
        features={features}
        tiles={tiles}
        height="28rem"
        columns={[{ key: 'layerTitle', header: t('map.layer') }]}
      />
    </Page>
  );
}

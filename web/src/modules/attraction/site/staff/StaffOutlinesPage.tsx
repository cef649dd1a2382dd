import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api, call } from '../../../../app/api.ts';
import { Alert } from '../../../../ui/Alert.tsx';
import { Button } from '../../../../ui/Button.tsx';
import { ErrorSummary } from '../../../../ui/ErrorSummary.tsx';
import { SelectField, TextAreaField, TextField } from '../../../../ui/Field.tsx';
import { Loading } from '../../../../ui/Loadable.tsx';
import { type MapFeature, type MapGeometry, MapView, useMapTiles } from '../../../../ui/map/index.ts';
import { Page } from '../../../../ui/Page.tsx';
import { useForm } from '../../../../ui/useForm.ts';
import { useBi, useRegion } from '../shared.tsx';

type Outline = { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
interface OutlineCollection {
  features?: Array<{ id: string; geometry: Outline; properties: { approximate: boolean; source: string } }>;
}

/** The outline in a GeoJSON text: a Polygon or MultiPolygon, alone, in a Feature or in a one-feature collection. */
export function outlineOf(text: string): Outline | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const o = parsed as { type?: string; geometry?: unknown; features?: Array<{ geometry?: unknown }> };
  const geometry =
    o?.type === 'FeatureCollection' && o.features?.length === 1
      ? o.features[0]?.geometry
      : o?.type === 'Feature'
        ? o.geometry
        : parsed;
  const g = geometry as Outline | null;
  return g && (g.type === 'Polygon' || g.type === 'MultiPolygon') && Array.isArray(g.coordinates) ? g : null;
}

/** MRC staff: each member municipality's outline on the map, uploaded or pasted as GeoJSON, checked, saved. */
export function StaffOutlinesPage() {
  const { t } = useTranslation('region');
  const { orgSlug } = useParams();
  const { region, loading } = useRegion(orgSlug);
  const bi = useBi();
  const tiles = useMapTiles();
  const queries = useQueryClient();
  const orgId = region?.id ?? '';
  const [approximate, setApproximate] = useState(true);
  const [notice, setNotice] = useState('');
  const form = useForm(
    'outline',
    { town: '', geojson: '', source: '' },
    { 'region.geometry_invalid': 'geojson' },
  );
  const towns = useQuery({
    queryKey: ['region', orgId, 'members'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/region/places', { params: { path: { orgId } } })),
    enabled: !!orgId,
  });
  const outlines = useQuery({
    queryKey: ['region', orgId, 'boundaries'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/region/boundaries', { params: { path: { orgId } } })),
    enabled: !!orgId,
  });
  const members = towns.data?.municipalities ?? [];
  const current = (outlines.data as OutlineCollection | undefined)?.features ?? [];
  const typed = form.values.geojson.trim() ? outlineOf(form.values.geojson) : null;
  const features = useMemo<MapFeature[]>(() => {
    const shown = current.map((f) => ({ slug: f.id, geometry: f.geometry }));
    const chosen = members.find((m) => m.id === form.values.town);
    const list =
      typed && chosen
        ? [...shown.filter((s) => s.slug !== chosen.slug), { slug: chosen.slug, geometry: typed }]
        : shown;
    return list.flatMap((s) => {
      const m = members.find((x) => x.slug === s.slug);
      return m
        ? [
            {
              type: 'Feature' as const,
              id: s.slug,
              geometry: s.geometry as MapGeometry,
              properties: { label: t('map.outline', { name: bi(m.name) }) },
            },
          ]
        : [];
    });
  }, [current, members, typed, form.values.town, t, bi]);
  if (loading || !region || !towns.data || !outlines.data) return <Loading />;

  const choose = (townId: string) => {
    const m = members.find((x) => x.id === townId);
    const f = current.find((x) => x.id === m?.slug);
    setNotice('');
    form.setError(null);
    form.setValues({
      town: townId,
      geojson: f ? JSON.stringify(f.geometry, null, 1) : '',
      source: f?.properties.source ?? '',
    });
    setApproximate(f?.properties.approximate ?? true);
  };
  const save = form.handleSubmit(async (v) => {
    const geometry = outlineOf(v.geojson);
    if (!geometry) throw new ApiError(422, 'region.geometry_invalid', t('outlines.unreadable'));
    await call(
      api.PUT('/api/orgs/{orgId}/region/staff/boundaries/{municipalityId}', {
        params: { path: { orgId, municipalityId: v.town } },
        // The server checks the shape (closed rings, WGS 84 ranges) against its schema.
        body: { geometry: geometry as never, approximate, source: v.source },
      }),
    );
    const m = members.find((x) => x.id === v.town);
    setNotice(t('outlines.saved', { name: m ? bi(m.name) : '' }));
    await queries.invalidateQueries({ queryKey: ['region', orgId, 'boundaries'] });
  });
  const townField = form.field('town', t('map.municipality'));
  return (
    <Page title={t('outlines.title')}>
      <p className="region-actions">
        <Link to={`/staff/${region.slug}/modules/attraction/site`}>{t('staff.title')}</Link>
        <Link to={`/${region.slug}/region/carte`}>{t('staff.map')}</Link>
      </p>
      <p>{t('outlines.lead')}</p>
      {notice && <Alert tone="success">{notice}</Alert>}
      <MapView caption={t('outlines.map')} features={features} tiles={tiles} height="20rem" />
      <form onSubmit={save} noValidate>
        <ErrorSummary error={form.error} fields={form.summaryFields()} />
        <SelectField {...townField} onChange={(e) => choose(e.target.value)} required>
          <option value="">{t('outlines.choose')}</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {bi(m.name)}
              {current.some((f) => f.id === m.slug) ? '' : ` — ${t('outlines.none')}`}
            </option>
          ))}
        </SelectField>
        <div className="field">
          <label className="field__label" htmlFor="outline-file">
            {t('outlines.file')}
          </label>
          <input
            id="outline-file"
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) form.set('geojson', await file.text());
            }}
          />
        </div>
        <TextAreaField
          {...form.field('geojson', t('outlines.geojson'))}
          hint={t('outlines.geojsonHint')}
          error={
            form.field('geojson', t('outlines.geojson')).error ??
            (form.values.geojson.trim() && !typed ? t('outlines.unreadable') : undefined)
          }
          rows={8}
          spellCheck={false}
        />
        <TextField {...form.field('source', t('outlines.source'))} optional />
        <div className="checkbox">
          <input
            id="outline-approximate"
            type="checkbox"
            checked={approximate}
            onChange={(e) => setApproximate(e.target.checked)}
          />
          <label htmlFor="outline-approximate">{t('outlines.approximate')}</label>
        </div>
        <Button type="submit" busy={form.pending}>
          {t('outlines.save')}
        </Button>
      </form>
    </Page>
  );
}

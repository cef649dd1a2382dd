import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../../app/api.ts';
import { SelectField, TextAreaField, TextField } from '../../../../ui/Field.tsx';
import { type MapFeature, MapView, useMapTiles } from '../../../../ui/map/index.ts';
import { type ApiBody, useBi } from '../shared.tsx';
import { AreaDrawer, type LatLon } from './AreaDrawer.tsx';

type AlertInput = ApiBody<'/api/orgs/{orgId}/citizen/staff/alerts', 'post'>;
export type AreaKind = 'territory' | 'polygon' | 'circle' | 'sectors';
export interface AreaForm {
  kind: AreaKind;
  points: string;
  lat: string;
  lon: string;
  radius: string;
  sectorIds: string[];
}

/** `46.02, -73.44` lines → points; lines that are not a point are left out. */
export function parsePoints(text: string): LatLon[] {
  return text
    .split('\n')
    .map((l) =>
      l
        .split(/[,;\s]+/)
        .filter(Boolean)
        .map(Number),
    )
    .filter((p): p is LatLon => p.length === 2 && p.every(Number.isFinite));
}

/** Points → the coordinate list staff can also edit by hand (one `lat, lon` a line). */
export const formatPoints = (points: LatLon[]) => points.map(([lat, lon]) => `${lat}, ${lon}`).join('\n');

/** The area the API takes, from the form. */
export function areaOf(form: AreaForm): AlertInput['area'] {
  if (form.kind === 'polygon') return { kind: 'polygon', points: parsePoints(form.points) };
  if (form.kind === 'circle')
    return { kind: 'circle', center: [Number(form.lat), Number(form.lon)], radiusKm: Number(form.radius) };
  if (form.kind === 'sectors') return { kind: 'sectors', sectorIds: form.sectorIds };
  return { kind: 'territory' };
}

function circleFeature(form: AreaForm, label: string): MapFeature[] {
  const [lat, lon, radiusKm] = [Number(form.lat), Number(form.lon), Number(form.radius)];
  if (![lat, lon, radiusKm].every(Number.isFinite) || radiusKm <= 0) return [];
  const ring = Array.from({ length: 33 }, (_, i) => {
    const a = (i / 32) * 2 * Math.PI;
    return [
      lon + (radiusKm / (111.32 * Math.cos((lat * Math.PI) / 180))) * Math.cos(a),
      lat + (radiusKm / 111.32) * Math.sin(a),
    ] as [number, number];
  });
  return [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { label } }];
}

/** The organisation's sectors (public list), for the checkboxes and the drawing's reference outlines. */
export function useSectors(orgId: string) {
  return useQuery({
    queryKey: ['participation', 'alert-sectors', orgId],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/citizen/alerts/sectors', { params: { path: { orgId } } })),
  });
}

/**
 * Where an alert applies: the whole territory, a polygon drawn on the map (or typed as a coordinate
 * list), a circle, or one or more named sectors (checkboxes).
 */
export function AlertAreaFields({
  orgId,
  form,
  set,
  centre,
}: {
  orgId: string;
  form: AreaForm;
  set: (patch: Partial<AreaForm>) => void;
  centre?: LatLon;
}) {
  const { t, i18n } = useTranslation('participation');
  const bi = useBi();
  const tiles = useMapTiles();
  const sectors = useSectors(orgId);
  const points = useMemo(() => parsePoints(form.points), [form.points]);
  // Stable while drawing: a new list would make the drawer fit its view again at every click.
  const english = i18n.language === 'en';
  const context = useMemo(
    () =>
      (sectors.data?.items ?? []).map((s) => ({
        label: english ? s.name.en : s.name.fr,
        points: s.points as LatLon[],
      })),
    [sectors.data, english],
  );
  const chosen = new Set(form.sectorIds);
  return (
    <>
      <SelectField
        id="a-kind"
        label={t('staffAlerts.areaKind')}
        value={form.kind}
        onChange={(e) => set({ kind: e.target.value as AreaKind })}
      >
        <option value="territory">{t('staffAlerts.kinds.territory')}</option>
        <option value="sectors">{t('staffAlerts.kinds.sectors')}</option>
        <option value="polygon">{t('staffAlerts.kinds.polygon')}</option>
        <option value="circle">{t('staffAlerts.kinds.circle')}</option>
      </SelectField>
      {form.kind === 'polygon' && (
        <>
          <AreaDrawer
            caption={t('draw.caption')}
            points={points}
            onChange={(next) => set({ points: formatPoints(next) })}
            context={context}
            centre={centre}
            tiles={tiles}
          />
          <TextAreaField
            id="a-points"
            label={t('staffAlerts.points')}
            hint={t('staffAlerts.pointsHint')}
            rows={5}
            value={form.points}
            onChange={(e) => set({ points: e.target.value })}
          />
        </>
      )}
      {form.kind === 'sectors' && (
        <fieldset className="sector-choices">
          <legend>{t('sectors.choose')}</legend>
          {(sectors.data?.items ?? []).length === 0 && <p>{t('sectors.none')}</p>}
          {(sectors.data?.items ?? []).map((s) => (
            <label key={s.id} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.has(s.id)}
                onChange={(e) =>
                  set({
                    sectorIds: e.target.checked
                      ? [...form.sectorIds, s.id]
                      : form.sectorIds.filter((id) => id !== s.id),
                  })
                }
              />{' '}
              {bi(s.name)}
            </label>
          ))}
        </fieldset>
      )}
      {form.kind === 'sectors' && chosen.size > 0 && (
        <MapView
          caption={t('staffAlerts.mapCaption')}
          features={(sectors.data?.items ?? [])
            .filter((s) => chosen.has(s.id))
            .map((s) => ({
              type: 'Feature' as const,
              geometry: {
                type: 'Polygon' as const,
                coordinates: [
                  [...s.points, s.points[0] ?? [0, 0]].map(([lat, lon]) => [lon, lat] as [number, number]),
                ],
              },
              properties: { label: bi(s.name) },
            }))}
          tiles={tiles}
          height="16rem"
        />
      )}
      {form.kind === 'circle' && (
        <>
          <TextField
            id="a-lat"
            label={t('staffAlerts.lat')}
            inputMode="decimal"
            value={form.lat}
            onChange={(e) => set({ lat: e.target.value })}
          />
          <TextField
            id="a-lon"
            label={t('staffAlerts.lon')}
            inputMode="decimal"
            value={form.lon}
            onChange={(e) => set({ lon: e.target.value })}
          />
          <TextField
            id="a-radius"
            label={t('staffAlerts.radius')}
            inputMode="decimal"
            value={form.radius}
            onChange={(e) => set({ radius: e.target.value })}
          />
          <MapView
            caption={t('staffAlerts.mapCaption')}
            features={circleFeature(form, t('staffAlerts.mapCaption'))}
            tiles={tiles}
            height="16rem"
          />
        </>
      )}
    </>
  );
}

import 'leaflet/dist/leaflet.css';
import './map.css';
import L from 'leaflet';
import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../Button.tsx';
import { type Column, Table } from '../Table.tsx';
import { type MapFeature, type MapTiles, pointOf } from './geojson.ts';
import { focusableMarker, groupPoints, groupPopup, MAX_ZOOM } from './markers.ts';

const TEXT = {
  fr: {
    showAs: 'Afficher sous forme de',
    map: 'Carte',
    list: 'Liste',
    name: 'Nom',
    latitude: 'Latitude',
    longitude: 'Longitude',
    none: 'Aucun élément à afficher.',
    plain: 'Fond de carte non configuré : les points et les contours sont dessinés sur un fond uni.',
    showOnMap: 'voir sur la carte',
    count: (n: number) => `${n} élément${n > 1 ? 's' : ''}`,
    group: (n: number, labels: string) => `${n} éléments rapprochés : ${labels}`,
  },
  en: {
    showAs: 'Show as',
    map: 'Map',
    list: 'List',
    name: 'Name',
    latitude: 'Latitude',
    longitude: 'Longitude',
    none: 'Nothing to show.',
    plain: 'No base map configured: points and outlines are drawn on a plain background.',
    showOnMap: 'show on the map',
    count: (n: number) => `${n} item${n > 1 ? 's' : ''}`,
    group: (n: number, labels: string) => `${n} items close together: ${labels}`,
  },
};

// Quebec City: where a map with nothing on it opens.
const DEFAULT_CENTRE: L.LatLngTuple = [46.81, -71.21];

export interface MapViewProps {
  /** Names the map region and captions its list (e.g. "Adresses de la rue Saint-Jean"). */
  caption: string;
  /** GeoJSON features (RFC 7946, [longitude, latitude]); `properties.label` is shown for each. */
  features: MapFeature[];
  /** More columns of the list, read from each feature's properties. */
  columns?: Array<{ key: string; header: string; render?: (feature: MapFeature) => ReactNode }>;
  /** Base map tiles from `GET /api/config/map` (see useMapTiles); without a URL, a plain background. */
  tiles?: MapTiles;
  /** Height of the map (any CSS length). */
  height?: string;
  initialView?: 'map' | 'list';
  /** Called when a person chooses a feature (click, Enter or Space on a marker, or its name in the list). */
  onSelect?: (feature: MapFeature) => void;
}

/**
 * An accessible map of GeoJSON features with the same data as a table (toggle "Carte / Liste"). Markers
 * are reachable by keyboard and named by their label; markers that would overlap are grouped (zoom in to
 * separate them); with no tile URL (the default: no outside service) points and outlines are drawn on a
 * plain background. Leaflet is used directly: react-leaflet is under the Hippocratic licence, which
 * Civique's AGPL cannot take in.
 */
export function MapView({
  caption,
  features,
  columns = [],
  tiles,
  height = '24rem',
  initialView = 'map',
  onSelect,
}: MapViewProps) {
  const { i18n } = useTranslation();
  const text = i18n.language === 'en' ? TEXT.en : TEXT.fr;
  const [view, setView] = useState<'map' | 'list'>(initialView);
  const container = useRef<HTMLElement>(null);
  const map = useRef<L.Map | null>(null);
  // The marker (or group marker) showing each feature at the current zoom.
  const markerOf = useRef(new Map<MapFeature, L.Marker>());
  const focusAfterDraw = useRef<MapFeature | null>(null);
  const selectRef = useRef(onSelect);
  selectRef.current = onSelect;
  const noteId = useId();
  const tileUrl = tiles?.url ?? null;
  const rowKeys = useMemo(() => new Map(features.map((f, i) => [f, `${f.id ?? ''}#${i}`])), [features]);

  // The map itself, once; its tile layer follows the configuration.
  useEffect(() => {
    if (!container.current) return;
    const instance = L.map(container.current, { keyboard: true, maxZoom: MAX_ZOOM });
    instance.setView(DEFAULT_CENTRE, 6);
    map.current = instance;
    return () => {
      instance.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = map.current;
    if (!instance || !tileUrl) return;
    const attribution = tiles?.attribution ?? '';
    const base = L.tileLayer(tileUrl, { attribution, maxZoom: MAX_ZOOM }).addTo(instance);
    return () => {
      base.remove();
    };
  }, [tileUrl, tiles?.attribution]);

  // Features: outlines for lines and polygons; points as markers, regrouped at every zoom.
  useEffect(() => {
    const instance = map.current;
    if (!instance) return;
    const outlines = L.featureGroup().addTo(instance);
    const points = L.layerGroup().addTo(instance);
    for (const feature of features) {
      if (!feature.geometry || pointOf(feature)) continue;
      L.geoJSON(feature.geometry, { style: { className: 'civ-map__outline', weight: 2 } })
        .bindTooltip(feature.properties.label, { sticky: true })
        .on('click', () => selectRef.current?.(feature))
        .addTo(outlines);
    }
    const draw = () => {
      points.clearLayers();
      markerOf.current.clear();
      for (const group of groupPoints(instance, features)) {
        const [only] = group.items;
        const marker =
          group.items.length === 1 && only
            ? focusableMarker(group.latlng, {
                name: only.properties.label,
                html: '',
                className: 'civ-map__marker',
                activate: () => selectRef.current?.(only),
              }).bindTooltip(only.properties.label)
            : groupMarker(instance, group.items, group.latlng);
        marker.addTo(points);
        for (const item of group.items) markerOf.current.set(item, marker);
      }
      const pending = focusAfterDraw.current;
      focusAfterDraw.current = null;
      const target = pending ? markerOf.current.get(pending) : undefined;
      target?.getElement()?.focus();
      target?.openTooltip();
    };
    const groupMarker = (instance: L.Map, items: MapFeature[], latlng: L.LatLng) => {
      const labels = items.slice(0, 5).map((f) => f.properties.label);
      const name = text.group(items.length, `${labels.join(' ; ')}${items.length > 5 ? '…' : ''}`);
      const marker = focusableMarker(latlng, {
        name,
        html: `<span aria-hidden="true">${items.length}</span>`,
        className: 'civ-map__marker civ-map__marker--group',
        activate: () => {
          const bounds = L.latLngBounds(
            items.flatMap((f) => {
              const p = pointOf(f);
              return p ? [L.latLng(p[1], p[0])] : [];
            }),
          );
          const zoom = Math.min(
            MAX_ZOOM,
            Math.max(instance.getBoundsZoom(bounds.pad(0.5)), instance.getZoom() + 2),
          );
          if (instance.getZoom() < MAX_ZOOM) {
            focusAfterDraw.current = items[0] ?? null;
            instance.setView(bounds.getCenter(), zoom);
            return;
          }
          // The same place at the closest zoom (units of one building): choose from a list.
          const content = groupPopup(items, (f) => {
            instance.closePopup();
            selectRef.current?.(f);
          });
          L.popup().setLatLng(latlng).setContent(content).openOn(instance);
          content.querySelector('button')?.focus();
        },
      });
      return marker.bindTooltip(name);
    };
    const all = L.latLngBounds([]);
    for (const f of features) {
      const point = pointOf(f);
      if (point) all.extend([point[1], point[0]]);
    }
    if (outlines.getLayers().length) all.extend(outlines.getBounds());
    if (all.isValid()) instance.fitBounds(all, { padding: [24, 24], maxZoom: 17, animate: false });
    draw();
    instance.on('zoomend', draw);
    return () => {
      instance.off('zoomend', draw);
      outlines.remove();
      points.remove();
    };
  }, [features, text]);

  // A hidden map has no size; Leaflet measures again when it shows.
  useEffect(() => {
    if (view === 'map') map.current?.invalidateSize();
  }, [view]);

  const showOnMap = (feature: MapFeature) => {
    setView('map');
    const point = pointOf(feature);
    requestAnimationFrame(() => {
      const instance = map.current;
      if (!instance || !point) return;
      instance.invalidateSize();
      focusAfterDraw.current = feature;
      instance.setView([point[1], point[0]], MAX_ZOOM, { animate: false });
      // Already at that zoom: no redraw comes, so focus now.
      if (focusAfterDraw.current === feature) {
        focusAfterDraw.current = null;
        markerOf.current.get(feature)?.getElement()?.focus();
      }
    });
  };

  const locale = i18n.language === 'en' ? 'en-CA' : 'fr-CA';
  const degrees = (n: number | undefined) =>
    n === undefined ? '—' : n.toLocaleString(locale, { maximumFractionDigits: 6 });
  const tableColumns: Column<MapFeature>[] = [
    {
      key: 'label',
      header: text.name,
      rowHeader: true,
      render: (f) => {
        if (!pointOf(f) && !onSelect) return f.properties.label;
        return (
          <Button
            variant="link"
            onClick={() => (onSelect ? onSelect(f) : showOnMap(f))}
            aria-label={onSelect ? undefined : `${f.properties.label} — ${text.showOnMap}`}
          >
            {f.properties.label}
          </Button>
        );
      },
    },
    ...columns.map((c) => ({
      key: c.key,
      header: c.header,
      render: c.render ?? ((f: MapFeature) => String(f.properties[c.key] ?? '—')),
    })),
    { key: 'lat', header: text.latitude, nowrap: true, render: (f) => degrees(pointOf(f)?.[1]) },
    { key: 'lon', header: text.longitude, nowrap: true, render: (f) => degrees(pointOf(f)?.[0]) },
  ];

  return (
    <div className="civ-map">
      {/* biome-ignore lint/a11y/useSemanticElements: a fieldset would draw a legend box around two buttons. */}
      <div className="civ-map__toggle" role="group" aria-label={`${caption} — ${text.showAs}`}>
        <Button
          variant={view === 'map' ? 'primary' : 'secondary'}
          aria-pressed={view === 'map'}
          onClick={() => setView('map')}
        >
          {text.map}
        </Button>
        <Button
          variant={view === 'list' ? 'primary' : 'secondary'}
          aria-pressed={view === 'list'}
          onClick={() => setView('list')}
        >
          {text.list}
        </Button>
        <span className="civ-map__count" aria-live="polite">
          {text.count(features.length)}
        </span>
      </div>
      <div hidden={view !== 'map'}>
        {!tileUrl && (
          <p id={noteId} className="civ-map__note">
            {text.plain}
          </p>
        )}
        <section
          ref={container}
          className={`civ-map__canvas${tileUrl ? '' : ' civ-map__canvas--plain'}`}
          style={{ height }}
          aria-label={caption}
          aria-describedby={tileUrl ? undefined : noteId}
        />
      </div>
      <div hidden={view !== 'list'}>
        {features.length === 0 ? (
          <p>{text.none}</p>
        ) : (
          <Table
            caption={caption}
            columns={tableColumns}
            rows={features}
            rowKey={(f) => rowKeys.get(f) ?? ''}
          />
        )}
      </div>
    </div>
  );
}

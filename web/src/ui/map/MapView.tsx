import 'leaflet/dist/leaflet.css';
import './map.css';
import L from 'leaflet';
import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../Button.tsx';
import { type Column, Table } from '../Table.tsx';
import { type MapFeature, type MapTiles, pointOf } from './geojson.ts';

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
    showOnMap: 'Voir sur la carte',
    count: (n: number) => `${n} élément${n > 1 ? 's' : ''}`,
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
    showOnMap: 'Show on the map',
    count: (n: number) => `${n} item${n > 1 ? 's' : ''}`,
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
  /** Base map tiles from `GET /api/config/map`; without a URL the map draws on a plain background. */
  tiles?: MapTiles;
  /** Height of the map (any CSS length). */
  height?: string;
  initialView?: 'map' | 'list';
  /** Called when a person chooses a feature (click, Enter on a marker, or its name in the list). */
  onSelect?: (feature: MapFeature) => void;
}

const markerIcon = (label: string) =>
  L.divIcon({
    className: 'civ-map__marker',
    // The visible dot is drawn by CSS; the text gives the keyboard-focusable marker its accessible name.
    html: `<span class="visually-hidden">${escapeHtml(label)}</span>`,
    iconSize: [18, 18],
    iconAnchor: [9, 9],
    tooltipAnchor: [10, 0],
  });

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * An accessible map of GeoJSON features with the same data as a table (toggle "Carte / Liste"). Markers
 * are reachable by keyboard and named by their label; with no tile URL (the default: no outside service)
 * points and outlines are drawn on a plain background. Leaflet is used directly: react-leaflet is under
 * the Hippocratic licence, which Civique's AGPL cannot take in.
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
  const layer = useRef<L.FeatureGroup | null>(null);
  const markers = useRef(new Map<MapFeature, L.Marker>());
  const selectRef = useRef(onSelect);
  selectRef.current = onSelect;
  const noteId = useId();
  const tileUrl = tiles?.url ?? null;
  const rowKeys = useMemo(() => new Map(features.map((f, i) => [f, `${f.id ?? ''}#${i}`])), [features]);

  // The map itself, once; its tile layer follows the configuration.
  useEffect(() => {
    if (!container.current) return;
    const instance = L.map(container.current, {
      keyboard: true,
      zoomControl: true,
      attributionControl: true,
    });
    instance.setView(DEFAULT_CENTRE, 6);
    map.current = instance;
    layer.current = L.featureGroup().addTo(instance);
    return () => {
      instance.remove();
      map.current = null;
      layer.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = map.current;
    if (!instance || !tileUrl) return;
    const base = L.tileLayer(tileUrl, { attribution: tiles?.attribution ?? '', maxZoom: 19 }).addTo(instance);
    return () => {
      base.remove();
    };
  }, [tileUrl, tiles?.attribution]);

  // Features: a focusable marker per point, outlines for lines and polygons.
  useEffect(() => {
    const group = layer.current;
    const instance = map.current;
    if (!group || !instance) return;
    group.clearLayers();
    markers.current.clear();
    for (const feature of features) {
      const label = feature.properties.label;
      const point = pointOf(feature);
      if (point) {
        const marker = L.marker([point[1], point[0]], {
          icon: markerIcon(label),
          keyboard: true,
          title: label,
          riseOnHover: true,
        })
          .bindTooltip(label)
          .on('click', () => selectRef.current?.(feature));
        marker.addTo(group);
        markers.current.set(feature, marker);
      } else if (feature.geometry) {
        L.geoJSON(feature.geometry, { style: { className: 'civ-map__outline', weight: 2 } })
          .bindTooltip(label, { sticky: true })
          .on('click', () => selectRef.current?.(feature))
          .addTo(group);
      }
    }
    const bounds = group.getBounds();
    if (bounds.isValid()) instance.fitBounds(bounds, { padding: [24, 24], maxZoom: 17 });
  }, [features]);

  // A hidden map has no size; Leaflet measures again when it shows.
  useEffect(() => {
    if (view === 'map') map.current?.invalidateSize();
  }, [view]);

  const showOnMap = (feature: MapFeature) => {
    setView('map');
    const marker = markers.current.get(feature);
    requestAnimationFrame(() => {
      map.current?.invalidateSize();
      if (!marker) return;
      map.current?.setView(marker.getLatLng(), Math.max(map.current.getZoom(), 16));
      marker.openTooltip();
      marker.getElement()?.focus();
    });
  };

  const tableColumns = ((): Column<MapFeature>[] => {
    const format = (n: number | undefined) =>
      n === undefined
        ? '—'
        : n.toLocaleString(i18n.language === 'en' ? 'en-CA' : 'fr-CA', { maximumFractionDigits: 6 });
    return [
      {
        key: 'label',
        header: text.name,
        rowHeader: true,
        render: (f) => {
          const hasPoint = pointOf(f) !== undefined;
          if (!hasPoint && !onSelect) return f.properties.label;
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
      { key: 'lat', header: text.latitude, nowrap: true, render: (f) => format(pointOf(f)?.[1]) },
      { key: 'lon', header: text.longitude, nowrap: true, render: (f) => format(pointOf(f)?.[0]) },
    ];
  })();

  return (
    <div className="civ-map">
      {/* biome-ignore lint/a11y/useSemanticElements: a fieldset would add a legend box around two buttons. */}
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

import 'leaflet/dist/leaflet.css';
import '../../../../ui/map/map.css';
import L from 'leaflet';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../ui/Button.tsx';
import type { MapTiles } from '../../../../ui/map/index.ts';

/** A point as the alert API writes it: latitude then longitude. */
export type LatLon = [number, number];

export interface AreaDrawerProps {
  /** Names the map region (e.g. "Tracer la zone de l’alerte"). */
  caption: string;
  points: LatLon[];
  onChange: (points: LatLon[]) => void;
  /** Outlines shown for reference (the organisation's sectors), not editable. */
  context?: Array<{ label: string; points: LatLon[] }>;
  /** Where the map opens when nothing is drawn yet. */
  centre?: LatLon;
  tiles?: MapTiles;
}

/**
 * Click-to-draw a polygon on a Leaflet map: each click adds a vertex, vertices can be dragged, the last
 * one undone, the whole cleared, and the ring closed (then shown filled). Plain Leaflet, as the rest of
 * the product's maps (decision 0004): a drawing library such as leaflet-geoman would bring far more
 * than these four gestures. The map is for the mouse and touch; the coordinate list beside it (in the
 * form) is the keyboard and screen-reader way to the same polygon, and both edit the same points.
 */
export function AreaDrawer({ caption, points, onChange, context = [], centre, tiles }: AreaDrawerProps) {
  const { t } = useTranslation('participation');
  const container = useRef<HTMLElement>(null);
  const map = useRef<L.Map | null>(null);
  const [closed, setClosed] = useState(points.length >= 3);
  const helpId = useId();
  // The latest values for Leaflet's handlers, which are bound once.
  const latest = useRef({ points, onChange, closed });
  latest.current = { points, onChange, closed };
  const opening = useRef(centre);
  const fitted = useRef(false);

  useEffect(() => {
    if (!container.current) return;
    const instance = L.map(container.current, { keyboard: true, doubleClickZoom: false });
    const start = opening.current;
    instance.setView(start ?? [46.81, -71.21], start ? 14 : 6);
    instance.on('click', (e: L.LeafletMouseEvent) => {
      const now = latest.current;
      if (now.closed) return;
      const lat = Number(e.latlng.lat.toFixed(6));
      const lon = Number(e.latlng.lng.toFixed(6));
      now.onChange([...now.points, [lat, lon]]);
    });
    map.current = instance;
    return () => {
      instance.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = map.current;
    if (!instance || !tiles?.url) return;
    const base = L.tileLayer(tiles.url, { attribution: tiles.attribution ?? '' }).addTo(instance);
    return () => {
      base.remove();
    };
  }, [tiles?.url, tiles?.attribution]);

  // Reference outlines; the view fits them (and what is drawn) when they change, not at every click.
  useEffect(() => {
    const instance = map.current;
    if (!instance) return;
    const group = L.featureGroup().addTo(instance);
    for (const c of context) {
      if (c.points.length < 3) continue;
      L.polygon(c.points, { className: 'civ-map__outline civ-draw__context', weight: 1, dashArray: '4 4' })
        .bindTooltip(c.label, { sticky: true })
        .addTo(group);
    }
    // Never move the view under someone drawing: fit only at first, or while nothing is drawn yet.
    if (!fitted.current || latest.current.points.length === 0) {
      const bounds = L.latLngBounds(latest.current.points);
      if (group.getLayers().length) bounds.extend(group.getBounds());
      if (bounds.isValid()) {
        instance.fitBounds(bounds, { padding: [24, 24], maxZoom: 16, animate: false });
        fitted.current = true;
      }
    }
    return () => {
      group.remove();
    };
  }, [context]);

  // The drawing: a line while open, a filled polygon once closed, and a draggable handle per vertex.
  useEffect(() => {
    const instance = map.current;
    if (!instance) return;
    const layer = L.layerGroup().addTo(instance);
    if (closed && points.length >= 3) {
      L.polygon(points, { className: 'civ-map__outline civ-draw__shape', weight: 3 }).addTo(layer);
    } else if (points.length >= 2) {
      L.polyline(points, { className: 'civ-map__outline civ-draw__shape', weight: 3 }).addTo(layer);
    }
    points.forEach((p, i) => {
      const handle = L.marker(p, {
        draggable: true,
        // Not a tab stop: keyboard users edit the coordinate list, which holds the same points.
        keyboard: false,
        icon: L.divIcon({ className: 'civ-draw__vertex', iconSize: [14, 14] }),
      });
      handle.on('dragend', () => {
        const at = handle.getLatLng();
        const next = [...latest.current.points];
        next[i] = [Number(at.lat.toFixed(6)), Number(at.lng.toFixed(6))];
        latest.current.onChange(next);
      });
      handle.addTo(layer);
    });
    return () => {
      layer.remove();
    };
  }, [points, closed]);

  const count = points.length;
  return (
    <div className="civ-map civ-draw">
      <p id={helpId} className="hint">
        {closed ? t('draw.helpClosed') : t('draw.help')}
      </p>
      <section
        ref={container}
        className={`civ-map__canvas${tiles?.url ? '' : ' civ-map__canvas--plain'}`}
        style={{ height: '20rem' }}
        aria-label={caption}
        aria-describedby={helpId}
        data-testid="area-drawer"
      />
      <p className="muted" aria-live="polite">
        {closed ? t('draw.closedCount', { count }) : t('draw.count', { count })}
      </p>
      <div className="inline-actions">
        <Button
          variant="secondary"
          disabled={count === 0}
          onClick={() => {
            setClosed(false);
            onChange(points.slice(0, -1));
          }}
        >
          {t('draw.undo')}
        </Button>
        <Button
          variant="secondary"
          disabled={count === 0}
          onClick={() => {
            setClosed(false);
            onChange([]);
          }}
        >
          {t('draw.clear')}
        </Button>
        {closed ? (
          <Button variant="secondary" onClick={() => setClosed(false)}>
            {t('draw.reopen')}
          </Button>
        ) : (
          <Button disabled={count < 3} onClick={() => setClosed(true)}>
            {t('draw.close')}
          </Button>
        )}
      </div>
    </div>
  );
}

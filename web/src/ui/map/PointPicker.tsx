import 'leaflet/dist/leaflet.css';
import './map.css';
import L from 'leaflet';
import { useEffect, useId, useRef } from 'react';
import { Button } from '../Button.tsx';
import { useMapTiles } from './useMapTiles.ts';

/**
 * Where a thing stands (a place, a station): a click on the map (or "put the point at the centre" for keyboard
 * users, who pan with the arrow keys) sets the coordinates, which the form also lets staff type. The point can
 * be dragged.
 */
export function PointPicker({
  lat,
  lon,
  centre,
  zoom = DEFAULT_ZOOM,
  height = '18rem',
  labels,
  onPick,
}: {
  lat: number | null;
  lon: number | null;
  /**
   * Where the map opens while no point is set; it follows a centre that arrives later (e.g. once a town's
   * data loads). Null shows the whole province until a centre is known.
   */
  centre: [number, number] | null;
  /** The zoom at the centre, and the zoom used to bring a point set elsewhere into view. */
  zoom?: { centre: number; point: number };
  height?: string;
  /** In the page's language: the marker's name, the hint under the map, the map's name, the centre button. */
  labels: { point: string; hint: string; map: string; atCentre: string };
  onPick: (lat: number, lon: number) => void;
}) {
  const tiles = useMapTiles();
  const id = useId();
  const container = useRef<HTMLElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.Marker | null>(null);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const start = useRef(centre ? { at: centre, zoom: zoom.centre } : { at: QUEBEC, zoom: 6 });
  const hasPoint = useRef(false);
  hasPoint.current = lat !== null && lon !== null;
  const [centreLat, centreLon] = centre ?? [null, null];

  useEffect(() => {
    if (!container.current) return;
    const instance = L.map(container.current, { keyboard: true, maxZoom: 19 });
    instance.setView(start.current.at, start.current.zoom);
    instance.on('click', (e: L.LeafletMouseEvent) =>
      pickRef.current(round(e.latlng.lat), round(e.latlng.lng)),
    );
    map.current = instance;
    return () => {
      instance.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = map.current;
    if (!instance || !tiles.url) return;
    const layer = L.tileLayer(tiles.url, { attribution: tiles.attribution ?? '', maxZoom: 19 }).addTo(
      instance,
    );
    return () => {
      layer.remove();
    };
  }, [tiles.url, tiles.attribution]);

  useEffect(() => {
    if (!hasPoint.current && centreLat !== null && centreLon !== null)
      map.current?.setView([centreLat, centreLon], zoom.centre);
  }, [centreLat, centreLon, zoom.centre]);

  useEffect(() => {
    const instance = map.current;
    marker.current?.remove();
    marker.current = null;
    if (!instance || lat === null || lon === null) return;
    const icon = L.divIcon({
      className: 'civ-map__marker',
      html: `<span class="visually-hidden">${labels.point}</span>`,
      iconSize: [26, 26],
      iconAnchor: [13, 13],
    });
    const pin = L.marker([lat, lon], { icon, draggable: true, keyboard: false }).addTo(instance);
    pin.on('dragend', () => {
      const at = pin.getLatLng();
      pickRef.current(round(at.lat), round(at.lng));
    });
    marker.current = pin;
    if (!instance.getBounds().contains([lat, lon])) instance.setView([lat, lon], zoom.point);
  }, [lat, lon, labels.point, zoom.point]);

  return (
    <div>
      <p className="field__hint" id={`${id}-hint`}>
        {labels.hint}
      </p>
      <section
        ref={container}
        className={`civ-map__canvas${tiles.url ? '' : ' civ-map__canvas--plain'}`}
        style={{ height }}
        aria-label={labels.map}
        aria-describedby={`${id}-hint`}
      />
      <div className="btn-row">
        <Button
          variant="secondary"
          onClick={() => {
            const at = map.current?.getCenter();
            if (at) onPick(round(at.lat), round(at.lng));
          }}
        >
          {labels.atCentre}
        </Button>
      </div>
    </div>
  );
}

const QUEBEC: [number, number] = [46.81, -71.21];
const DEFAULT_ZOOM = { centre: 10, point: 14 };

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

import L from 'leaflet';
import { type MapFeature, pointOf } from './geojson.ts';

/** The closest zoom; markers still together there share one position (units of one building). */
export const MAX_ZOOM = 19;
// Markers closer than this on screen are grouped: 24 px targets (WCAG 2.2, 2.5.8) must not overlap.
const CLUSTER_RADIUS_PX = 30;

/** Points that fall together on screen at the map's zoom. */
export interface PointGroup {
  latlng: L.LatLng;
  items: MapFeature[];
}

/** Groups point features by screen distance at the current zoom (a grid, so it stays linear in size). */
export function groupPoints(map: L.Map, features: readonly MapFeature[]): PointGroup[] {
  const zoom = map.getZoom();
  const groups: Array<PointGroup & { x: number; y: number }> = [];
  const grid = new Map<string, number[]>();
  const cell = (v: number) => Math.floor(v / CLUSTER_RADIUS_PX);
  for (const feature of features) {
    const point = pointOf(feature);
    if (!point) continue;
    const latlng = L.latLng(point[1], point[0]);
    const { x, y } = map.project(latlng, zoom);
    let found: (typeof groups)[number] | undefined;
    for (let dx = -1; dx <= 1 && !found; dx++)
      for (let dy = -1; dy <= 1 && !found; dy++)
        for (const i of grid.get(`${cell(x) + dx}:${cell(y) + dy}`) ?? []) {
          const g = groups[i];
          if (g && Math.hypot(g.x - x, g.y - y) < CLUSTER_RADIUS_PX) {
            found = g;
            break;
          }
        }
    if (found) {
      found.items.push(feature);
      continue;
    }
    const key = `${cell(x)}:${cell(y)}`;
    grid.set(key, [...(grid.get(key) ?? []), groups.length]);
    groups.push({ latlng, items: [feature], x, y });
  }
  return groups.map(({ latlng, items }) => ({ latlng, items }));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A keyboard-focusable marker (Leaflet gives it tabindex 0 and role button) named by its visible-on-focus
 * label; `activate` runs on click, Enter and Space (Leaflet turns no key into a click).
 */
export function focusableMarker(
  latlng: L.LatLng,
  options: { name: string; html: string; className: string; activate: () => void },
): L.Marker {
  const icon = L.divIcon({
    className: options.className,
    // The text inside gives the marker its accessible name; what shows is drawn by CSS.
    html: `${options.html}<span class="visually-hidden">${escapeHtml(options.name)}</span>`,
    // 24 px at least: the smallest target WCAG 2.2 (2.5.8) accepts.
    iconSize: [26, 26],
    iconAnchor: [13, 13],
    tooltipAnchor: [14, 0],
  });
  return L.marker(latlng, { icon, keyboard: true, title: options.name, riseOnHover: true })
    .on('click', options.activate)
    .on('keydown', (event) => {
      const key = (event as L.LeafletKeyboardEvent).originalEvent;
      if (key.key !== 'Enter' && key.key !== ' ') return;
      key.preventDefault();
      options.activate();
    });
}

/** A popup listing the features of a group that no zoom separates, each a button. */
export function groupPopup(items: readonly MapFeature[], choose: (feature: MapFeature) => void): HTMLElement {
  const list = document.createElement('ul');
  list.className = 'civ-map__group';
  for (const feature of items) {
    const entry = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn btn--link';
    button.textContent = feature.properties.label;
    button.addEventListener('click', () => choose(feature));
    entry.append(button);
    list.append(entry);
  }
  return list;
}

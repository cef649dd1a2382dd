export type { MapFeature, MapGeometry, MapTiles, Position } from './geojson.ts';
export { pointOf } from './geojson.ts';
export { MapView, type MapViewProps } from './MapView.tsx';
export { useMapTiles } from './useMapTiles.ts';

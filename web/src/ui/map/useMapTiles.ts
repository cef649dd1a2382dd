import { useQuery } from '@tanstack/react-query';
import type { MapTiles } from './geojson.ts';

const PLAIN: MapTiles = { url: null, attribution: null };

/**
 * The installation's base map settings. Until they arrive, or if they cannot be read, maps draw on a
 * plain background, which needs nothing from outside.
 */
export function useMapTiles(): MapTiles {
  const { data } = useQuery({
    queryKey: ['config', 'map'],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async (): Promise<MapTiles> => {
      const response = await fetch('/api/config/map', { headers: { Accept: 'application/json' } });
      if (!response.ok) return PLAIN;
      const body = (await response.json()) as { tileUrl: string | null; attribution: string | null };
      return { url: body.tileUrl, attribution: body.attribution };
    },
  });
  return data ?? PLAIN;
}

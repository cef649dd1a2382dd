import 'leaflet/dist/leaflet.css';
import '../../../ui/map/map.css';
import L from 'leaflet';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../app/api.ts';
import { Button } from '../../../ui/Button.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { TextField } from '../../../ui/Field.tsx';
import { useMapTiles } from '../../../ui/map/index.ts';

/** A chosen location: a point, and the address that names it when known. */
export interface PickedLocation {
  lat: number;
  lon: number;
  address: string | null;
}

const QUEBEC: L.LatLngTuple = [46.81, -71.21];

/**
 * Where the problem is: a pin placed on the map (click, or "place the pin at the centre" for keyboard
 * users, who pan with the arrow keys), an address found in the town's register, or the device's position.
 */
export function LocationPicker({
  orgId,
  value,
  onChange,
  centre,
  error,
}: {
  orgId: string;
  value: PickedLocation | null;
  onChange: (value: PickedLocation) => void;
  /** Where the map opens when nothing is chosen yet (the town's requests' centre). */
  centre: [number, number] | null;
  error?: string;
}) {
  const { t } = useTranslation('citizen');
  const { t: common } = useTranslation();
  const tiles = useMapTiles();
  const id = useId();
  const container = useRef<HTMLElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.Marker | null>(null);
  const changeRef = useRef(onChange);
  changeRef.current = onChange;
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Array<{
    id: string;
    label: string;
    lat: number;
    lon: number;
  }> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    const instance = L.map(container.current, { keyboard: true, maxZoom: 19 });
    instance.setView(QUEBEC, 6);
    instance.on('click', (event: L.LeafletMouseEvent) =>
      changeRef.current({ lat: round(event.latlng.lat), lon: round(event.latlng.lng), address: null }),
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

  // The town's centre, once known, when nothing is placed yet.
  useEffect(() => {
    if (centre && !value) map.current?.setView(centre, 15);
  }, [centre, value]);

  useEffect(() => {
    const instance = map.current;
    if (!instance) return;
    marker.current?.remove();
    marker.current = null;
    if (!value) return;
    const icon = L.divIcon({
      className: 'civ-map__marker',
      html: `<span class="visually-hidden">${t('requests.location.pin')}</span>`,
      iconSize: [26, 26],
      iconAnchor: [13, 13],
    });
    const pin = L.marker([value.lat, value.lon], { icon, draggable: true, keyboard: false }).addTo(instance);
    pin.on('dragend', () => {
      const at = pin.getLatLng();
      changeRef.current({ lat: round(at.lat), lon: round(at.lng), address: null });
    });
    marker.current = pin;
    if (!instance.getBounds().contains([value.lat, value.lon])) instance.setView([value.lat, value.lon], 17);
  }, [value, t]);

  const search = async () => {
    if (!query.trim()) return;
    setSearching(true);
    setProblem(null);
    try {
      const found = await call(
        api.GET('/api/orgs/{orgId}/addresses/search', {
          params: { path: { orgId }, query: { q: query, limit: 8 } },
        }),
      );
      setResults(
        found.items.flatMap((a) =>
          a.latitude !== null && a.longitude !== null
            ? [{ id: a.id, label: a.label, lat: a.latitude, lon: a.longitude }]
            : [],
        ),
      );
    } catch (caught) {
      setProblem(errorMessage(caught, common));
    } finally {
      setSearching(false);
    }
  };

  const locate = () => {
    setProblem(null);
    if (!navigator.geolocation) {
      setProblem(t('requests.location.noGeolocation'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) =>
        onChange({
          lat: round(position.coords.latitude),
          lon: round(position.coords.longitude),
          address: null,
        }),
      () => setProblem(t('requests.location.geolocationRefused')),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const placeAtCentre = () => {
    const at = map.current?.getCenter();
    if (at) onChange({ lat: round(at.lat), lon: round(at.lng), address: null });
  };

  return (
    <fieldset className={error ? 'field field--invalid' : 'field'} id="req-location" tabIndex={-1}>
      <legend>{t('requests.location.legend')}</legend>
      <p className="field__hint" id={`${id}-hint`}>
        {t('requests.location.hint')}
      </p>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div className="filters">
        <TextField
          id={`${id}-q`}
          label={t('requests.location.search')}
          value={query}
          autoComplete="street-address"
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void search();
            }
          }}
        />
      </div>
      <div className="btn-row">
        <Button variant="secondary" onClick={() => void search()} busy={searching}>
          {t('requests.location.searchButton')}
        </Button>
        <Button variant="secondary" onClick={locate}>
          {t('requests.location.useMyPosition')}
        </Button>
      </div>
      {results && (
        <div aria-live="polite">
          {results.length === 0 ? (
            <p>{t('requests.location.noResult')}</p>
          ) : (
            <ul className="req-results" aria-label={t('requests.location.results')}>
              {results.map((r) => (
                <li key={r.id}>
                  <Button
                    variant="link"
                    onClick={() => {
                      onChange({ lat: r.lat, lon: r.lon, address: r.label });
                      setResults(null);
                    }}
                  >
                    {r.label}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {problem && <p className="field__error">{problem}</p>}
      <p className="field__hint">{t('requests.location.mapHint')}</p>
      <section
        ref={container}
        className={`civ-map__canvas${tiles.url ? '' : ' civ-map__canvas--plain'}`}
        style={{ height: '20rem' }}
        aria-label={t('requests.location.map')}
        aria-describedby={`${id}-hint`}
      />
      <div className="btn-row">
        <Button variant="secondary" onClick={placeAtCentre}>
          {t('requests.location.placeAtCentre')}
        </Button>
      </div>
      <p className="req-picked" aria-live="polite">
        {value
          ? t('requests.location.picked', {
              place: value.address ?? `${value.lat.toFixed(5)}, ${value.lon.toFixed(5)}`,
            })
          : t('requests.location.none')}
      </p>
    </fieldset>
  );
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../app/api.ts';
import { Button } from '../../../ui/Button.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { TextField } from '../../../ui/Field.tsx';
import { PointPicker } from '../../../ui/map/PointPicker.tsx';

/** A chosen location: a point, and the address that names it when known. */
export interface PickedLocation {
  lat: number;
  lon: number;
  address: string | null;
}

/** Close enough to see the street where the problem is. */
const STREET_ZOOM = { centre: 15, point: 17 };

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
  const id = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Array<{
    id: string;
    label: string;
    lat: number;
    lon: number;
  }> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);

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

  const pick = (lat: number, lon: number) => onChange({ lat, lon, address: null });

  return (
    <fieldset
      className={error ? 'field field--invalid' : 'field'}
      id="req-location"
      tabIndex={-1}
      aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
    >
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
      <PointPicker
        lat={value?.lat ?? null}
        lon={value?.lon ?? null}
        centre={centre}
        zoom={STREET_ZOOM}
        height="20rem"
        labels={{
          point: t('requests.location.pin'),
          hint: t('requests.location.mapHint'),
          map: t('requests.location.map'),
          atCentre: t('requests.location.placeAtCentre'),
        }}
        onPick={pick}
      />
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

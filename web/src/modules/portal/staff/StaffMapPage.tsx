import '../portal.css';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useStaff } from '../../staff/context.ts';

const CATEGORIES = [
  'town_hall',
  'library',
  'arena',
  'pool',
  'park',
  'community_centre',
  'ecocentre',
  'other',
] as const;
type Category = (typeof CATEGORIES)[number];

/** The citizen map's data for staff: import the zoning plan (GeoJSON), add a facility. */
export function StaffMapPage() {
  const { t } = useTranslation('portal');
  const { t: common } = useTranslation();
  const { org } = useStaff();
  const id = useId();
  const [zoning, setZoning] = useState<File | null>(null);
  const [place, setPlace] = useState({
    category: 'park' as Category,
    nameFr: '',
    nameEn: '',
    address: '',
    latitude: '',
    longitude: '',
  });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ tone: 'success', text: await work() });
    } catch (caught) {
      setMessage({
        tone: 'error',
        text: caught instanceof SyntaxError ? t('staffMap.notJson') : errorMessage(caught, common),
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page title={t('staff.mapData')}>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <h2>{t('staffMap.zoning')}</h2>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!zoning) return;
          void run(async () => {
            const body = JSON.parse(await zoning.text()) as {
              type: 'FeatureCollection';
              features: unknown[];
            };
            const result = await call(
              api.PUT('/api/orgs/{orgId}/portal/map/zoning', { params: { path: { orgId: org.id } }, body }),
            );
            return t('staffMap.zonesImported', { count: result.imported });
          });
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor={`${id}-zoning`}>
            {t('staffMap.zoningFile')}
          </label>
          <span className="field__hint" id={`${id}-zoning-hint`}>
            {t('staffMap.zoningHint')}
          </span>
          <input
            id={`${id}-zoning`}
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            aria-describedby={`${id}-zoning-hint`}
            onChange={(e) => setZoning(e.target.files?.[0] ?? null)}
          />
        </div>
        <Button type="submit" busy={busy}>
          {t('staffMap.importZoning')}
        </Button>
      </form>
      <h2>{t('staffMap.place')}</h2>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            await call(
              api.POST('/api/orgs/{orgId}/portal/map/places', {
                params: { path: { orgId: org.id } },
                body: {
                  ...place,
                  address: place.address || null,
                  latitude: Number(place.latitude),
                  longitude: Number(place.longitude),
                },
              }),
            );
            return t('staffMap.placeAdded');
          });
        }}
      >
        <SelectField
          id={`${id}-category`}
          label={t('staffMap.category')}
          value={place.category}
          onChange={(e) => setPlace({ ...place, category: e.target.value as Category })}
        >
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id={`${id}-fr`}
          label={t('staffMap.nameFr')}
          value={place.nameFr}
          onChange={(e) => setPlace({ ...place, nameFr: e.target.value })}
        />
        <TextField
          id={`${id}-en`}
          label={t('staffMap.nameEn')}
          value={place.nameEn}
          onChange={(e) => setPlace({ ...place, nameEn: e.target.value })}
        />
        <TextField
          id={`${id}-address`}
          label={t('permits.address')}
          optional
          value={place.address}
          onChange={(e) => setPlace({ ...place, address: e.target.value })}
        />
        <TextField
          id={`${id}-lat`}
          label={t('staffMap.latitude')}
          inputMode="decimal"
          inputSize="short"
          value={place.latitude}
          onChange={(e) => setPlace({ ...place, latitude: e.target.value })}
        />
        <TextField
          id={`${id}-lon`}
          label={t('staffMap.longitude')}
          inputMode="decimal"
          inputSize="short"
          value={place.longitude}
          onChange={(e) => setPlace({ ...place, longitude: e.target.value })}
        />
        <Button type="submit" busy={busy}>
          {t('staffMap.addPlace')}
        </Button>
      </form>
    </Page>
  );
}

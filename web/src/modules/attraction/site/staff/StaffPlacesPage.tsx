import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../../../app/api.ts';
import { Alert } from '../../../../ui/Alert.tsx';
import { Button } from '../../../../ui/Button.tsx';
import { ErrorSummary } from '../../../../ui/ErrorSummary.tsx';
import { SelectField, TextAreaField, TextField } from '../../../../ui/Field.tsx';
import { Loading } from '../../../../ui/Loadable.tsx';
import { PointPicker } from '../../../../ui/map/PointPicker.tsx';
import { Page } from '../../../../ui/Page.tsx';
import { Table } from '../../../../ui/Table.tsx';
import { useForm } from '../../../../ui/useForm.ts';
import { useBi, useRegion } from '../shared.tsx';

const KINDS = ['services', 'schools', 'health', 'daycare', 'leisure', 'housing_help'] as const;
const EMPTY = {
  slug: '',
  category: 'services',
  nameFr: '',
  nameEn: '',
  descriptionFr: '',
  descriptionEn: '',
  address: '',
  municipalityOrgId: '',
  latitude: '',
  longitude: '',
  phone: '',
  website: '',
};
// Kamouraska: where the picker opens when the region has no place yet.
const FALLBACK: [number, number] = [47.45, -69.95];

/** MRC staff: the places of the interactive map — add, change (point picked on the map or typed), remove. */
export function StaffPlacesPage() {
  const { t } = useTranslation('region');
  const { orgSlug } = useParams();
  const { region, loading } = useRegion(orgSlug);
  const bi = useBi();
  const queries = useQueryClient();
  const orgId = region?.id ?? '';
  const [editing, setEditing] = useState<string | null>(null);
  const [published, setPublished] = useState(true);
  const [notice, setNotice] = useState('');
  const form = useForm('place', EMPTY, {
    'region.slug_taken': 'slug',
    'region.not_member': 'municipalityOrgId',
  });
  const places = useQuery({
    queryKey: ['region', orgId, 'staff-places'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/region/staff/places', { params: { path: { orgId } } })),
    enabled: !!orgId,
  });
  const towns = useQuery({
    queryKey: ['region', orgId, 'members'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/region/places', { params: { path: { orgId } } })),
    enabled: !!orgId,
  });
  if (loading || !region || !places.data || !towns.data) return <Loading />;
  type Row = (typeof places.data.items)[number];
  const items = places.data.items;
  const townName = (id: string | null) => {
    const m = towns.data.municipalities.find((x) => x.id === id);
    return m ? bi(m.name) : '—';
  };
  const centre: [number, number] = items[0] ? [items[0].latitude, items[0].longitude] : FALLBACK;
  const v = form.values;
  const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));
  const lat = num(v.latitude);
  const lon = num(v.longitude);
  const reset = () => {
    setEditing(null);
    setPublished(true);
    form.setValues(EMPTY);
    form.setError(null);
  };
  const edit = (p: Row) => {
    setEditing(p.id);
    setPublished(p.published);
    setNotice('');
    form.setError(null);
    form.setValues({
      slug: p.slug,
      category: p.category,
      nameFr: p.nameFr,
      nameEn: p.nameEn,
      descriptionFr: p.descriptionFr,
      descriptionEn: p.descriptionEn,
      address: p.address,
      municipalityOrgId: p.municipalityOrgId ?? '',
      latitude: String(p.latitude),
      longitude: String(p.longitude),
      phone: p.phone ?? '',
      website: p.website ?? '',
    });
    document.getElementById('place-form')?.focus();
  };
  const save = form.handleSubmit(async (x) => {
    const body = {
      ...x,
      municipalityOrgId: x.municipalityOrgId || null,
      // An empty or unreadable coordinate is sent as null: the server's schema refuses it on that field.
      latitude: num(x.latitude) as number,
      longitude: num(x.longitude) as number,
      phone: x.phone || null,
      website: x.website || null,
      published,
    };
    const saved = editing
      ? await call(
          api.PUT('/api/orgs/{orgId}/region/staff/places/{placeId}', {
            params: { path: { orgId, placeId: editing } },
            body,
          }),
        )
      : await call(api.POST('/api/orgs/{orgId}/region/staff/places', { params: { path: { orgId } }, body }));
    setNotice(t('staffPlaces.saved', { name: bi({ fr: saved.nameFr, en: saved.nameEn }) }));
    reset();
    await queries.invalidateQueries({ queryKey: ['region'] });
  });
  const remove = async (p: Row) => {
    const name = bi({ fr: p.nameFr, en: p.nameEn });
    if (!window.confirm(t('staffPlaces.confirmRemove', { name }))) return;
    await call(
      api.DELETE('/api/orgs/{orgId}/region/staff/places/{placeId}', {
        params: { path: { orgId, placeId: p.id } },
      }),
    );
    setNotice(t('staffPlaces.removed', { name }));
    if (editing === p.id) reset();
    await queries.invalidateQueries({ queryKey: ['region'] });
  };
  return (
    <Page title={t('staffPlaces.title')}>
      <p className="region-actions">
        <Link to={`/staff/${region.slug}/modules/attraction/site`}>{t('staff.title')}</Link>
        <Link to={`/${region.slug}/region/carte`}>{t('staff.map')}</Link>
      </p>
      {notice && <Alert tone="success">{notice}</Alert>}
      <Table<Row>
        caption={t('staffPlaces.list', { count: items.length })}
        rows={items}
        rowKey={(r) => r.id}
        columns={[
          {
            key: 'name',
            header: t('staffPlaces.name'),
            rowHeader: true,
            render: (r) => bi({ fr: r.nameFr, en: r.nameEn }),
          },
          {
            key: 'category',
            header: t('map.category'),
            render: (r) => t(`cat.${r.category}` as 'cat.daycare'),
          },
          { key: 'town', header: t('map.municipality'), render: (r) => townName(r.municipalityOrgId) },
          {
            key: 'state',
            header: t('staff.status'),
            render: (r) => (r.published ? t('staffPlaces.visible') : t('staffPlaces.hidden')),
          },
          {
            key: 'actions',
            header: t('staffPlaces.actions'),
            render: (r) => (
              <span className="btn-row">
                <Button variant="link" onClick={() => edit(r)}>
                  {t('staffPlaces.edit', { name: bi({ fr: r.nameFr, en: r.nameEn }) })}
                </Button>
                <Button variant="link" onClick={() => void remove(r)}>
                  {t('staffPlaces.remove', { name: bi({ fr: r.nameFr, en: r.nameEn }) })}
                </Button>
              </span>
            ),
          },
        ]}
      />
      <form id="place-form" tabIndex={-1} onSubmit={save} noValidate>
        <h2>{editing ? t('staffPlaces.editTitle') : t('staffPlaces.newTitle')}</h2>
        <ErrorSummary error={form.error} fields={form.summaryFields()} />
        <TextField {...form.field('nameFr', t('staffPlaces.nameFr'))} required />
        <TextField {...form.field('nameEn', t('staffPlaces.nameEn'))} required />
        <TextField {...form.field('slug', t('editor.slug'))} hint={t('staffPlaces.slugHint')} required />
        <SelectField {...form.field('category', t('map.category'))}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`cat.${k}` as 'cat.daycare')}
            </option>
          ))}
        </SelectField>
        <TextAreaField {...form.field('descriptionFr', t('staffPlaces.descriptionFr'))} optional />
        <TextAreaField {...form.field('descriptionEn', t('staffPlaces.descriptionEn'))} optional />
        <TextField {...form.field('address', t('map.address'))} optional autoComplete="off" />
        <SelectField {...form.field('municipalityOrgId', t('map.municipality'))}>
          <option value="">{t('staffPlaces.noTown')}</option>
          {towns.data.municipalities.map((m) => (
            <option key={m.id} value={m.id}>
              {bi(m.name)}
            </option>
          ))}
        </SelectField>
        <fieldset>
          <legend>{t('staffPlaces.position')}</legend>
          <div className="region-filters">
            <TextField {...form.field('latitude', t('staffPlaces.latitude'))} inputMode="decimal" required />
            <TextField
              {...form.field('longitude', t('staffPlaces.longitude'))}
              inputMode="decimal"
              required
            />
          </div>
          <PointPicker
            labels={{
              point: t('staffPlaces.point'),
              hint: t('staffPlaces.mapHint'),
              map: t('staffPlaces.map'),
              atCentre: t('staffPlaces.atCentre'),
            }}
            lat={lat !== null && Number.isFinite(lat) ? lat : null}
            lon={lon !== null && Number.isFinite(lon) ? lon : null}
            centre={centre}
            onPick={(a, b) => {
              form.set('latitude', String(a));
              form.set('longitude', String(b));
            }}
          />
        </fieldset>
        <TextField {...form.field('phone', t('staffPlaces.phone'))} type="tel" optional />
        <TextField {...form.field('website', t('staffPlaces.website'))} type="url" optional />
        <div className="checkbox">
          <input
            id="place-published"
            type="checkbox"
            checked={published}
            onChange={(e) => setPublished(e.target.checked)}
          />
          <label htmlFor="place-published">{t('staffPlaces.published')}</label>
        </div>
        <div className="btn-row">
          <Button type="submit" busy={form.pending}>
            {editing ? t('staffPlaces.save') : t('staffPlaces.add')}
          </Button>
          {editing && (
            <Button variant="secondary" onClick={reset}>
              {t('staffPlaces.cancel')}
            </Button>
          )}
        </div>
      </form>
    </Page>
  );
}

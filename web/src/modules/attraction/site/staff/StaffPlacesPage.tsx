import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../../app/api.ts';
import { Button } from '../../../../ui/Button.tsx';
import { SelectField, TextAreaField, TextField } from '../../../../ui/Field.tsx';
import { Loading } from '../../../../ui/Loadable.tsx';
import { PointPicker } from '../../../../ui/map/PointPicker.tsx';
import { useForm } from '../../../../ui/useForm.ts';
import { useBi } from '../shared.tsx';
import { StaffListEditor, useStaffEditor } from './StaffListEditor.tsx';

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
  const { region, loading, orgId, editing, setEditing, notice, setNotice, refresh } = useStaffEditor();
  const bi = useBi();
  const [published, setPublished] = useState(true);
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
    await refresh();
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
    await refresh();
  };
  return (
    <StaffListEditor<Row>
      title={t('staffPlaces.title')}
      links={[
        { to: `/staff/${region.slug}/modules/attraction/site`, label: t('staff.title') },
        { to: `/${region.slug}/region/carte`, label: t('staff.map') },
      ]}
      notice={notice}
      list={{
        caption: t('staffPlaces.list', { count: items.length }),
        rows: items,
        rowKey: (r) => r.id,
        columns: [
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
        ],
      }}
      visible={(r) => r.published}
      actions={(r) => (
        <>
          <Button variant="link" onClick={() => edit(r)}>
            {t('staffPlaces.edit', { name: bi({ fr: r.nameFr, en: r.nameEn }) })}
          </Button>
          <Button variant="link" onClick={() => void remove(r)}>
            {t('staffPlaces.remove', { name: bi({ fr: r.nameFr, en: r.nameEn }) })}
          </Button>
        </>
      )}
      form={form}
      formId="place-form"
      editing={editing !== null}
      headings={{ edit: t('staffPlaces.editTitle'), add: t('staffPlaces.newTitle') }}
      addLabel={t('staffPlaces.add')}
      shown={{
        id: 'place-published',
        label: t('staffPlaces.published'),
        checked: published,
        onChange: setPublished,
      }}
      onSubmit={save}
      onCancel={reset}
    >
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
          <TextField {...form.field('longitude', t('staffPlaces.longitude'))} inputMode="decimal" required />
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
    </StaffListEditor>
  );
}

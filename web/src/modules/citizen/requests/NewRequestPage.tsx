import './requests.css';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, call } from '../../../app/api.ts';
import { orgName } from '../../../app/org.tsx';
import { useSession } from '../../../app/session.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { fieldError } from '../../../ui/errors.ts';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import { Loading } from '../../../ui/Loadable.tsx';
import { type MapFeature, pointOf } from '../../../ui/map/index.ts';
import { Page } from '../../../ui/Page.tsx';
import { AttributeFields, type AttributeValues, attributeId, attributesForApi } from './AttributeFields.tsx';
import { LocationPicker, type PickedLocation } from './LocationPicker.tsx';
import { NearbyRequests } from './NearbyRequests.tsx';
import { PhotoPicker, type PickedPhoto } from './PhotoPicker.tsx';
import { QUEBEC_BBOX, useBilingual, useTownFromPath } from './shared.tsx';

function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Report a problem: category and its own fields, where (pin, address or position), what, photos, and
 * (without an account) an e-mail to follow it. Open requests of the same category nearby are offered to
 * follow instead. Whatever the server refuses, everything typed stays.
 */
export function NewRequestPage() {
  const { t, i18n } = useTranslation('citizen');
  const bi = useBilingual();
  const { orgSlug } = useParams();
  const { town, loading } = useTownFromPath(orgSlug);
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const [categoryId, setCategoryId] = useState('');
  const [attributes, setAttributes] = useState<AttributeValues>({});
  const [description, setDescription] = useState('');
  const [location, setLocation] = useState<PickedLocation | null>(null);
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  // One key per attempt: a double click or a retry after a lost answer files the request once.
  const idempotencyKey = useRef(newKey());
  const orgId = town?.id ?? '';

  const categories = useQuery({
    queryKey: ['requests', orgId, 'categories'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/requests/categories', { params: { path: { orgId } } })),
    enabled: !!orgId,
  });
  const existing = useQuery({
    queryKey: ['requests', orgId, 'public-map'],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/requests/map', {
          params: { path: { orgId }, query: { bbox: QUEBEC_BBOX } },
        }),
      ),
    enabled: !!orgId,
  });
  // The map opens where the town's requests are.
  const centre = useMemo((): [number, number] | null => {
    const points = ((existing.data?.features ?? []) as MapFeature[]).flatMap((f) => {
      const point = pointOf(f);
      return point ? [point] : [];
    });
    if (points.length === 0) return null;
    const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    return [mid(points.map((p) => p[1] ?? 0)), mid(points.map((p) => p[0] ?? 0))];
  }, [existing.data]);

  if (loading || !town) return <Loading />;
  const category = categories.data?.items.find((c) => c.id === categoryId);
  const title = t('requests.form.title');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setError(null);
    if (!location) {
      setError(
        new ApiError(400, 'requests.location_invalid', t('requests.location.required'), {
          fields: [{ field: 'location', rule: 'required', message: t('requests.location.required') }],
        }),
      );
      return;
    }
    setPending(true);
    try {
      const created = await call(
        api.POST('/api/orgs/{orgId}/requests', {
          params: { path: { orgId } },
          headers: { 'Idempotency-Key': idempotencyKey.current },
          body: {
            categoryId,
            description,
            attributes: category ? attributesForApi(category.fields, attributes) : {},
            location: { lat: location.lat, lon: location.lon, address: location.address },
            photos: photos.map((p) => (p.token ? { id: p.id, token: p.token } : { id: p.id })),
            ...(signedIn
              ? {}
              : {
                  contact: {
                    email: email.trim(),
                    name: name.trim() || null,
                    locale: i18n.language === 'en' ? 'en' : 'fr',
                  },
                }),
          },
        }),
      );
      idempotencyKey.current = newKey();
      if (created.guestToken)
        navigate(`/${town.slug}/requests/suivi/${created.guestToken}`, { state: { created: true } });
      else navigate(`/${town.slug}/requests/${created.id}`, { state: { created: true } });
    } catch (caught) {
      // A refused request was not filed: the next try may use a new key.
      if (caught instanceof ApiError && caught.status < 500) idempotencyKey.current = newKey();
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  const summaryFields: Record<string, { id: string; label: string }> = {
    categoryId: { id: 'req-category', label: t('requests.form.category') },
    location: { id: 'req-location', label: t('requests.location.legend') },
    description: { id: 'req-description', label: t('requests.form.description') },
    photos: { id: 'req-photos', label: t('requests.photos.label') },
    'contact.email': { id: 'req-email', label: t('requests.form.email') },
    ...Object.fromEntries(
      (category?.fields ?? []).map((f) => [
        `attributes.${f.code}`,
        { id: attributeId(f.code), label: i18n.language === 'en' ? f.labelEn : f.labelFr },
      ]),
    ),
  };

  return (
    <Page title={title} heading={`${title} — ${orgName(town, i18n.language)}`}>
      <p className="lead">{t('requests.form.intro')}</p>
      {!signedIn && (
        <p>
          {t('requests.form.guestIntro')}{' '}
          <Link to={`/sign-in?next=/${town.slug}/requests/new`}>{t('requests.form.signIn')}</Link>
        </p>
      )}
      <form className="form" onSubmit={submit} noValidate aria-label={title}>
        <ErrorSummary error={error} fields={summaryFields} />
        <SelectField
          id="req-category"
          label={t('requests.form.category')}
          value={categoryId}
          error={fieldError(error, 'categoryId')}
          hint={category ? bi(category.description) : undefined}
          onChange={(event) => {
            setCategoryId(event.target.value);
            setAttributes({});
          }}
        >
          <option value="">{t('requests.form.choose')}</option>
          {(categories.data?.items ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {bi(c.name)}
            </option>
          ))}
        </SelectField>
        {category?.sensitive && <p className="muted">{t('requests.form.sensitive')}</p>}
        {category && (
          <AttributeFields
            fields={category.fields}
            values={attributes}
            onChange={setAttributes}
            error={error}
          />
        )}
        <LocationPicker
          orgId={orgId}
          value={location}
          onChange={setLocation}
          centre={centre}
          error={fieldError(error, 'location')}
        />
        {category && location && (
          <NearbyRequests
            orgId={orgId}
            slug={town.slug}
            categoryId={category.id}
            location={location}
            signedIn={signedIn}
            email={email}
            onEmail={setEmail}
          />
        )}
        <TextAreaField
          id="req-description"
          label={t('requests.form.description')}
          hint={t('requests.form.descriptionHint')}
          value={description}
          maxLength={4000}
          error={fieldError(error, 'description')}
          onChange={(event) => setDescription(event.target.value)}
        />
        <div id="req-photos" tabIndex={-1}>
          <PhotoPicker
            orgId={orgId}
            photos={photos}
            onChange={setPhotos}
            error={fieldError(error, 'photos')}
          />
        </div>
        {!signedIn && (
          <fieldset>
            <legend>{t('requests.form.contact')}</legend>
            <p className="field__hint">{t('requests.form.contactHint')}</p>
            <TextField
              id="req-email"
              label={t('requests.form.email')}
              type="email"
              autoComplete="email"
              value={email}
              error={fieldError(error, 'contact.email')}
              onChange={(event) => setEmail(event.target.value)}
            />
            <TextField
              id="req-name"
              label={t('requests.form.name')}
              optional
              autoComplete="name"
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          </fieldset>
        )}
        <div className="btn-row">
          <Button type="submit" busy={pending}>
            {t('requests.form.submit')}
          </Button>
          <Link to={`/${town.slug}/requests`}>{t('requests.form.cancel')}</Link>
        </div>
      </form>
    </Page>
  );
}

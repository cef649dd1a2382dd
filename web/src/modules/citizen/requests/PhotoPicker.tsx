import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../app/api.ts';
import { Button } from '../../../ui/Button.tsx';
import { errorMessage } from '../../../ui/errors.ts';

/** A photo uploaded for the request being written; `token` proves a guest uploaded it. */
export interface PickedPhoto {
  id: string;
  name: string;
  token: string | null;
}

/** The most photos a request carries (the server's limit). */
export const MAX_PHOTOS = 5;

/**
 * Photos of the problem: each is uploaded as soon as it is chosen (its position and other metadata are
 * removed by the server), listed, and can be removed before sending. A refused file says why.
 */
export function PhotoPicker({
  orgId,
  photos,
  onChange,
  error,
}: {
  orgId: string;
  photos: PickedPhoto[];
  onChange: (photos: PickedPhoto[]) => void;
  error?: string;
}) {
  const { t } = useTranslation('citizen');
  const { t: common } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const add = async (list: FileList | null) => {
    if (!list?.length) return;
    setBusy(true);
    setProblem(null);
    let next = photos;
    try {
      for (const file of Array.from(list).slice(0, MAX_PHOTOS - photos.length)) {
        const form = new FormData();
        form.append('file', file, file.name);
        const uploaded = await call(
          api.POST('/api/orgs/{orgId}/requests/photos', {
            params: { path: { orgId } },
            body: form as never,
            bodySerializer: (body: unknown) => body as FormData,
          }),
        );
        next = [...next, { id: uploaded.id, name: uploaded.originalName, token: uploaded.token }];
        onChange(next);
      }
    } catch (caught) {
      setProblem(errorMessage(caught, common));
    } finally {
      setBusy(false);
    }
  };

  const message = problem ?? error;
  return (
    <div className={message ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={`${id}-file`}>
        {t('requests.photos.label')} <span className="field__optional">{common('form.optional')}</span>
      </label>
      <span className="field__hint" id={`${id}-hint`}>
        {t('requests.photos.hint', { max: MAX_PHOTOS })}
      </span>
      {message && (
        <span className="field__error" id={`${id}-error`} role="alert">
          {message}
        </span>
      )}
      <input
        id={`${id}-file`}
        name="photos"
        type="file"
        className="input"
        accept="image/jpeg,image/png,image/webp"
        multiple
        disabled={photos.length >= MAX_PHOTOS}
        aria-describedby={`${id}-hint${message ? ` ${id}-error` : ''}`}
        aria-busy={busy || undefined}
        onChange={(event) => {
          void add(event.target.files);
          event.target.value = '';
        }}
      />
      {busy && <p role="status">{t('requests.photos.uploading')}</p>}
      {photos.length > 0 && (
        <ul className="plain-list" aria-label={t('requests.photos.attached')}>
          {photos.map((p) => (
            <li key={p.id}>
              {p.name}{' '}
              <Button
                variant="link"
                aria-label={t('requests.photos.removeNamed', { name: p.name })}
                onClick={() => onChange(photos.filter((x) => x.id !== p.id))}
              >
                {t('requests.photos.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

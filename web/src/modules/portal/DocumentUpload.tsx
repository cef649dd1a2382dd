import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../app/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { isAsked } from './PermitFormFields.tsx';
import { type PermitFile, type PermitType, useBilingual } from './shared.tsx';

/**
 * The documents a file asks for: each one uploaded through the platform's files (purpose
 * `portal.permit-document`), then attached to the file.
 */
export function DocumentUpload({
  orgId,
  file,
  type,
  onChange,
}: {
  orgId: string;
  file: PermitFile;
  type: PermitType;
  onChange: (file: PermitFile) => void;
}) {
  const { t } = useTranslation('portal');
  const { t: common } = useTranslation();
  const bi = useBilingual();
  const id = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const asked = type.documents.filter((d) => isAsked(d, file.answers));
  const upload = async (documentKey: string, list: FileList | null) => {
    const chosen = list?.[0];
    if (!chosen) return;
    setBusy(documentKey);
    setProblem(null);
    try {
      const form = new FormData();
      form.append('purpose', 'portal.permit-document');
      form.append('file', chosen, chosen.name);
      const stored = await call(
        api.POST('/api/files/{orgId}', {
          params: { path: { orgId } },
          body: form as never,
          bodySerializer: (body: unknown) => body as FormData,
        }),
      );
      onChange(
        await call(
          api.POST('/api/orgs/{orgId}/portal/permits/applications/{id}/documents', {
            params: { path: { orgId, id: file.id } },
            body: { documentKey, fileId: stored.id },
          }),
        ),
      );
    } catch (caught) {
      setProblem(errorMessage(caught, common));
    } finally {
      setBusy(null);
    }
  };
  if (asked.length === 0) return <p>{t('apply.noDocuments')}</p>;
  return (
    <div>
      {problem && <Alert tone="error">{problem}</Alert>}
      {asked.map((d) => {
        const attached = file.documents.filter((a) => a.documentKey === d.key);
        return (
          <div className="field" key={d.key}>
            <label className="field__label" htmlFor={`${id}-${d.key}`}>
              {bi(d.label)}
              {!d.required && <span className="field__optional"> {common('form.optional')}</span>}
            </label>
            <span className="field__hint" id={`${id}-${d.key}-hint`}>
              {t('apply.documentHint')}
            </span>
            {attached.length > 0 && (
              <ul>
                {attached.map((a) => (
                  <li key={a.id}>{a.name}</li>
                ))}
              </ul>
            )}
            <input
              id={`${id}-${d.key}`}
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              aria-describedby={`${id}-${d.key}-hint`}
              aria-busy={busy === d.key || undefined}
              onChange={(event) => void upload(d.key, event.target.files)}
            />
          </div>
        );
      })}
    </div>
  );
}

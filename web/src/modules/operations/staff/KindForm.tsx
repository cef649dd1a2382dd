import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { useForm } from '../../../ui/useForm.ts';
import { useStaff } from '../../staff/context.ts';

/** Staff define a kind of station of their own (e.g. a snow-melt site), then choose it in the station form. */
export function KindForm() {
  const { t } = useTranslation('operations');
  const { org } = useStaff();
  const client = useQueryClient();
  const [added, setAdded] = useState<string | null>(null);
  const form = useForm('kind', { code: '', nameFr: '', nameEn: '' });
  const submit = form.handleSubmit(async (v) => {
    setAdded(null);
    const kind = await call(
      api.POST('/api/orgs/{orgId}/operations/station-kinds', {
        params: { path: { orgId: org.id } },
        body: v,
      }),
    );
    await client.invalidateQueries({ queryKey: ['operations', org.id, 'station-kinds'] });
    form.setValues({ code: '', nameFr: '', nameEn: '' });
    setAdded(kind.code);
  });
  return (
    <section aria-labelledby="kind-title">
      <h2 id="kind-title">{t('stationEdit.kindTitle')}</h2>
      <p>{t('stationEdit.kindIntro')}</p>
      <ErrorSummary error={form.error} fields={form.summaryFields()} />
      {added && <Alert tone="success">{t('stationEdit.kindAdded', { code: added })}</Alert>}
      <form noValidate onSubmit={submit}>
        <TextField
          {...form.field('code', t('stationEdit.kindCode'))}
          hint={t('stationEdit.kindCodeHint')}
          inputSize="code"
          required
        />
        <TextField {...form.field('nameFr', t('stationEdit.kindNameFr'))} lang="fr" required />
        <TextField {...form.field('nameEn', t('stationEdit.kindNameEn'))} lang="en" required />
        <Button type="submit" variant="secondary" busy={form.pending}>
          {t('stationEdit.kindAdd')}
        </Button>
      </form>
    </section>
  );
}

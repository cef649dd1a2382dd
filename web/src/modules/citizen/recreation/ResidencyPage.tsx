import './recreation.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { orgName, useOrgs } from '../../../app/org.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { TextField } from '../../../ui/Field.tsx';
import { formatDate } from '../../../ui/format.ts';
import { Loadable, Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useForm } from '../../../ui/useForm.ts';
import { useTown } from './shared.tsx';

/** The household's residency in a town: its standing, how to prove it, renew it, or say the household moved. */
export function ResidencyPage() {
  const { t, i18n } = useTranslation('citizen');
  const { t: common } = useTranslation();
  const client = useQueryClient();
  const id = useId();
  const { orgs } = useOrgs();
  const { orgSlug } = useParams();
  const { town, loading } = useTown(orgSlug);
  const orgId = town?.id ?? '';
  const [message, setMessage] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);
  const [file, setFile] = useState<File | null>(null);
  const query = useQuery({
    queryKey: ['citizen', 'residency', orgId],
    queryFn: () => call(api.GET('/api/citizen/orgs/{orgId}/residency', { params: { path: { orgId } } })),
    enabled: !!orgId,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['citizen'] });
  const byAddress = useForm(
    'residency-address',
    { address: '', postalCode: '' },
    {
      'residency.address_not_found': 'address',
      'residency.postal_code_mismatch': 'postalCode',
      'residency.postal_code_invalid': 'postalCode',
    },
  );
  const byDocument = useForm(
    'residency-document',
    { address: '', postalCode: '' },
    { 'residency.postal_code_invalid': 'postalCode' },
  );
  if (loading || !town) return <Loading />;

  const submitAddress = byAddress.handleSubmit(async (values) => {
    await call(
      api.POST('/api/citizen/orgs/{orgId}/residency/address', {
        params: { path: { orgId } },
        body: { address: values.address, postalCode: values.postalCode || undefined },
      }),
    );
    setMessage(t('residency.proven'));
    await refresh();
  });
  const submitDocument = byDocument.handleSubmit(async (values) => {
    if (!file) throw new Error(t('residency.chooseFile'));
    const form = new FormData();
    form.append('purpose', 'residency-proof');
    form.append('file', file, file.name);
    const uploaded = await call(
      api.POST('/api/files/{orgId}', {
        params: { path: { orgId } },
        body: form as never,
        bodySerializer: (b: unknown) => b as FormData,
      }),
    );
    await call(
      api.POST('/api/citizen/orgs/{orgId}/residency/document', {
        params: { path: { orgId } },
        body: { fileId: uploaded.id, address: values.address, postalCode: values.postalCode },
      }),
    );
    setMessage(t('residency.submitted'));
    await refresh();
  });
  const simple = async (
    path: '/api/citizen/orgs/{orgId}/residency/renew' | '/api/citizen/orgs/{orgId}/residency/move',
    done: string,
  ) => {
    setActionError(null);
    try {
      await call(api.POST(path, { params: { path: { orgId } } }));
      setMessage(done);
      await refresh();
    } catch (caught) {
      setActionError(caught);
    }
  };

  return (
    <Page title={t('residency.title', { town: orgName(town, i18n.language) })}>
      {message && <Alert tone="success">{message}</Alert>}
      {actionError !== null && <Alert tone="error">{errorMessage(actionError, common)}</Alert>}
      <Loadable query={query}>
        {({ standing, residency, renewalOpensOn }) => {
          const home = orgs.find((o) => o.id === standing.residentOrgId);
          const current =
            residency && (residency.status === 'active' || residency.status === 'pending') ? residency : null;
          return (
            <>
              <p className="lead">
                {standing.category === 'resident'
                  ? t('residency.isResident', { date: formatDate(standing.expiresOn) })
                  : standing.category === 'partner'
                    ? t('residency.isPartner', { town: home ? orgName(home, i18n.language) : '' })
                    : t('residency.notResident')}
              </p>
              {current?.status === 'pending' && <Alert tone="info">{t('residency.pending')}</Alert>}
              {current?.status === 'active' && (
                <>
                  <p>
                    {t('residency.since', {
                      proof: t(`residency.proofs.${current.proof}`),
                      start: formatDate(current.startsOn),
                      end: formatDate(current.expiresOn),
                    })}
                  </p>
                  <p className="btn-row">
                    <Link to={`/${town.slug}/cards`}>{t('cards.link')}</Link>
                    <Button
                      variant="secondary"
                      onClick={() =>
                        simple('/api/citizen/orgs/{orgId}/residency/renew', t('residency.renewed'))
                      }
                    >
                      {t('residency.renew')}
                    </Button>
                    <Button
                      variant="danger"
                      onClick={() =>
                        simple('/api/citizen/orgs/{orgId}/residency/move', t('residency.movedDone'))
                      }
                    >
                      {t('residency.moved')}
                    </Button>
                  </p>
                  {renewalOpensOn && (
                    <p className="muted">
                      {t('residency.renewalFrom', { date: formatDate(renewalOpensOn) })}
                    </p>
                  )}
                </>
              )}
              {(!current ||
                (renewalOpensOn !== null && renewalOpensOn <= new Date().toISOString().slice(0, 10))) && (
                <>
                  <h2 id={`${id}-address`}>{t('residency.byAddressTitle')}</h2>
                  <p>{t('residency.byAddressText')}</p>
                  <form
                    className="form"
                    onSubmit={submitAddress}
                    noValidate
                    aria-labelledby={`${id}-address`}
                  >
                    <ErrorSummary error={byAddress.error} fields={byAddress.summaryFields()} />
                    <TextField
                      {...byAddress.field('address', t('residency.address'))}
                      hint={t('residency.addressHint')}
                      autoComplete="street-address"
                    />
                    <TextField
                      {...byAddress.field('postalCode', t('residency.postalCode'))}
                      optional
                      autoComplete="postal-code"
                      inputSize="short"
                    />
                    <Button type="submit" busy={byAddress.pending}>
                      {t('residency.check')}
                    </Button>
                  </form>
                  <h2 id={`${id}-document`}>{t('residency.byDocumentTitle')}</h2>
                  <p>{t('residency.byDocumentText')}</p>
                  <form
                    className="form"
                    onSubmit={submitDocument}
                    noValidate
                    aria-labelledby={`${id}-document`}
                  >
                    <ErrorSummary error={byDocument.error} fields={byDocument.summaryFields()} />
                    <TextField
                      {...byDocument.field('address', t('residency.address'))}
                      autoComplete="street-address"
                    />
                    <TextField
                      {...byDocument.field('postalCode', t('residency.postalCode'))}
                      autoComplete="postal-code"
                      inputSize="short"
                    />
                    <div className="field">
                      <label className="field__label" htmlFor={`${id}-file`}>
                        {t('residency.file')}
                      </label>
                      <span className="field__hint" id={`${id}-file-hint`}>
                        {t('residency.fileHint')}
                      </span>
                      <input
                        id={`${id}-file`}
                        type="file"
                        accept="application/pdf,image/jpeg,image/png,image/webp"
                        aria-describedby={`${id}-file-hint`}
                        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                      />
                    </div>
                    <Button type="submit" busy={byDocument.pending}>
                      {t('residency.send')}
                    </Button>
                  </form>
                  <h2>{t('residency.byRecordTitle')}</h2>
                  <p>
                    {t('residency.byRecordText')}{' '}
                    <Link to={`/${town.slug}/claim`}>{t('residency.claimLink')}</Link>
                  </p>
                </>
              )}
            </>
          );
        }}
      </Loadable>
    </Page>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type ApiPaths, api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import { Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Table } from '../../../ui/Table.tsx';
import './jobs.css';
import { type Reason, Reasons, splitList, Thread, useMrc } from './shared.tsx';

type CompanyBody = NonNullable<
  ApiPaths['/api/orgs/{orgId}/attraction/companies']['post']['requestBody']
>['content']['application/json'];
type OfferBody = NonNullable<
  ApiPaths['/api/orgs/{orgId}/attraction/companies/{companyId}/offers']['post']['requestBody']
>['content']['application/json'];
interface CandidateItem {
  matchId: string;
  score: number;
  reasons: Reason[];
  candidateInterested: boolean;
  employerInterested: boolean;
  mutual: boolean;
  profile: {
    desiredOccupations: Array<{ code: string; title: string }>;
    experience: Array<{ title: string; years: number }>;
    skills: string[];
    frenchNclc: number | null;
    englishClb: number | null;
    availableFrom: string | null;
    permitSituation: string;
  };
  named: { name: string; cvFileId: string | null } | null;
  contact: { email: string; phone: string | null } | null;
}

const BENCH = Array.from({ length: 12 }, (_, i) => i + 1);

/** The employer's space: companies and members, offers through moderation, anonymous matched candidates. */
export function EmployerPage() {
  const { t, i18n } = useTranslation('attraction');
  const { t: common } = useTranslation();
  const { orgId = '' } = useParams();
  const { mrc, towns, loading } = useMrc(orgId);
  const client = useQueryClient();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const [companyId, setCompanyId] = useState<string | null>(null);
  const [offerId, setOfferId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const companies = useQuery({
    queryKey: ['attraction', orgId, 'companies'],
    queryFn: () =>
      call(api.GET('/api/orgs/{orgId}/attraction/my-companies', { params: { path: { orgId } } })),
    enabled: !!mrc,
  });
  const current = companies.data?.items.find((c) => c.id === companyId) ?? companies.data?.items[0];
  const cid = current?.id ?? '';
  const offers = useQuery({
    queryKey: ['attraction', orgId, 'offers', cid],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/attraction/companies/{companyId}/offers', {
          params: { path: { orgId, companyId: cid } },
        }),
      ),
    enabled: !!cid,
  });
  const candidates = useQuery({
    queryKey: ['attraction', orgId, 'candidates', offerId],
    queryFn: async () =>
      (await call(
        api.GET('/api/orgs/{orgId}/attraction/companies/{companyId}/offers/{offerId}/matches', {
          params: { path: { orgId, companyId: cid, offerId: offerId ?? '' } },
        }),
      )) as unknown as { items: CandidateItem[] },
    enabled: !!offerId && !!cid,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['attraction', orgId] });
  const [company, setCompany] = useState<CompanyBody>({
    name: '',
    naicsCode: '',
    sectorFr: '',
    sectorEn: '',
    municipalityOrgId: '',
    address: '',
    latitude: null,
    longitude: null,
    size: '1-9',
    descriptionFr: '',
    descriptionEn: '',
    benefitsFr: '',
    benefitsEn: '',
    website: null,
    housingHelp: false,
    relocationHelp: false,
    directoryListed: true,
  });
  const [offer, setOffer] = useState<OfferBody>({
    title: '',
    nocCode: '',
    description: '',
    requirements: '',
    skills: [],
    wageMinCents: null,
    wageMaxCents: null,
    wageUnit: 'hour',
    hoursPerWeek: 40,
    permanence: 'permanent',
    startDate: null,
    municipalityOrgId: '',
    frenchMinNclc: null,
    englishMinClb: null,
    housingHelp: false,
    relocationHelp: false,
    spouseJobHelp: false,
    permitSupport: false,
  });
  const [skills, setSkills] = useState('');
  const [invite, setInvite] = useState<{ email: string; role: 'owner' | 'recruiter' }>({
    email: '',
    role: 'recruiter',
  });
  const createCompany = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/orgs/{orgId}/attraction/companies', { params: { path: { orgId } }, body: company }),
      ),
    onSuccess: async (c) => {
      setCompanyId(c.id);
      await refresh();
    },
  });
  const createOffer = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/orgs/{orgId}/attraction/companies/{companyId}/offers', {
          params: { path: { orgId, companyId: cid } },
          body: { ...offer, skills: splitList(skills) },
        }),
      ),
    onSuccess: async () => {
      setNotice(t('common.saved'));
      await refresh();
    },
  });
  const act = useMutation({
    mutationFn: (v: { id: string; action: 'submit' | 'close' }) =>
      v.action === 'submit'
        ? call(
            api.POST('/api/orgs/{orgId}/attraction/companies/{companyId}/offers/{offerId}/submit', {
              params: { path: { orgId, companyId: cid, offerId: v.id } },
            }),
          )
        : call(
            api.POST('/api/orgs/{orgId}/attraction/companies/{companyId}/offers/{offerId}/close', {
              params: { path: { orgId, companyId: cid, offerId: v.id } },
            }),
          ),
    onSuccess: refresh,
  });
  const sendInvite = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/orgs/{orgId}/attraction/companies/{companyId}/invitations', {
          params: { path: { orgId, companyId: cid } },
          body: invite,
        }),
      ),
    onSuccess: () => {
      setNotice(t('employer.invited'));
      setInvite({ email: '', role: 'recruiter' });
    },
  });
  const interest = useMutation({
    mutationFn: (v: { matchId: string; interested: boolean }) =>
      call(
        api.POST('/api/orgs/{orgId}/attraction/companies/{companyId}/matches/{matchId}/interest', {
          params: { path: { orgId, companyId: cid, matchId: v.matchId } },
          body: { interested: v.interested },
        }),
      ),
    onSuccess: refresh,
  });
  if (loading || (mrc && companies.isLoading)) return <Loading />;
  if (!mrc)
    return (
      <Page title={t('employer.title')}>
        <Alert tone="warning">{t('common.notMrc')}</Alert>
      </Page>
    );
  const setC = <K extends keyof CompanyBody>(k: K, v: CompanyBody[K]) =>
    setCompany((c) => ({ ...c, [k]: v }));
  const setO = <K extends keyof OfferBody>(k: K, v: OfferBody[K]) => setOffer((o) => ({ ...o, [k]: v }));
  const townOptions = [
    <option key="" value="">
      —
    </option>,
    ...towns.map((o) => (
      <option key={o.id} value={o.id}>
        {o.name[lang]}
      </option>
    )),
  ];
  const error = createCompany.error ?? createOffer.error ?? act.error ?? sendInvite.error ?? interest.error;
  type OfferRow = NonNullable<typeof offers.data>['items'][number];
  return (
    <Page title={t('employer.title')}>
      <p>{t('employer.intro')}</p>
      {notice && <Alert tone="success">{notice}</Alert>}
      {error && <Alert tone="error">{errorMessage(error, common)}</Alert>}
      {companies.data && companies.data.items.length > 1 && (
        <SelectField
          id="e-company"
          label={t('employer.companies')}
          value={cid}
          onChange={(e) => {
            setCompanyId(e.target.value);
            setOfferId(null);
          }}
        >
          {companies.data.items.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      )}
      {current ? (
        <section aria-labelledby="e-company-name">
          <h2 id="e-company-name">{current.name}</h2>
          <p>
            {t('employer.status')} : {t(`employer.statuses.${current.status as 'pending'}`)}
          </p>
          <h3>{t('employer.members')}</h3>
          <ul>
            {current.members.map((m) => (
              <li key={m.accountId}>
                {m.name} ({t(`employer.roles.${m.role as 'owner'}`)})
              </li>
            ))}
          </ul>
          {current.myRole === 'owner' && (
            <form
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                sendInvite.mutate();
              }}
              className="jobs-grid"
            >
              <TextField
                id="e-inv-email"
                type="email"
                label={t('employer.inviteEmail')}
                value={invite.email}
                onChange={(e) => setInvite({ ...invite, email: e.target.value })}
              />
              <SelectField
                id="e-inv-role"
                label={t('employer.inviteRole')}
                value={invite.role}
                onChange={(e) => setInvite({ ...invite, role: e.target.value as 'owner' | 'recruiter' })}
              >
                <option value="recruiter">{t('employer.roles.recruiter')}</option>
                <option value="owner">{t('employer.roles.owner')}</option>
              </SelectField>
              <div>
                <Button type="submit" busy={sendInvite.isPending}>
                  {t('employer.invite')}
                </Button>
              </div>
            </form>
          )}
          <h3>{t('employer.offers')}</h3>
          <Table<OfferRow>
            caption={t('employer.offers')}
            rows={offers.data?.items ?? []}
            rowKey={(o) => o.id}
            columns={[
              {
                key: 'title',
                header: t('employer.offerTitle'),
                rowHeader: true,
                render: (o) => (o.publicUrl ? <a href={o.publicUrl}>{o.title}</a> : o.title),
              },
              {
                key: 'noc',
                header: t('employer.noc'),
                render: (o) => `${o.nocCode} (${lang === 'en' ? 'TEER' : 'FEER'} ${o.teer})`,
              },
              {
                key: 'status',
                header: t('employer.status'),
                render: (o) =>
                  `${t(`employer.offerStatuses.${o.status}`)}${o.moderationNote ? ` — ${t('employer.moderationNote', { note: o.moderationNote })}` : ''}`,
              },
              {
                key: 'actions',
                header: '',
                render: (o) => (
                  <span className="jobs-actions">
                    {(o.status === 'draft' || o.status === 'rejected') && (
                      <Button variant="secondary" onClick={() => act.mutate({ id: o.id, action: 'submit' })}>
                        {t('employer.submit')}
                      </Button>
                    )}
                    {o.status === 'published' && (
                      <Button
                        variant="secondary"
                        aria-pressed={offerId === o.id}
                        onClick={() => setOfferId(o.id)}
                      >
                        {t('employer.candidates')}
                      </Button>
                    )}
                    {o.status === 'published' && (
                      <Button variant="link" onClick={() => act.mutate({ id: o.id, action: 'close' })}>
                        {t('employer.close')}
                      </Button>
                    )}
                  </span>
                ),
              },
            ]}
          />
          {offerId && (
            <section aria-labelledby="e-cands">
              <h3 id="e-cands">{t('employer.candidates')}</h3>
              {candidates.data?.items.length === 0 && <p>{t('employer.noCandidates')}</p>}
              {candidates.data?.items.map((c, i) => (
                <article key={c.matchId} className="jobs-card" aria-labelledby={`c-${c.matchId}`}>
                  <h4 id={`c-${c.matchId}`}>
                    {c.named ? c.named.name : `${t('employer.anonymous')} ${i + 1}`}
                  </h4>
                  <p>{c.profile.desiredOccupations.map((o) => `${o.code} ${o.title}`).join(' · ')}</p>
                  <ul>
                    {c.profile.experience.map((x) => (
                      <li key={`${x.title}-${x.years}`}>
                        {t('employer.experienceYears', { title: x.title, years: x.years })}
                      </li>
                    ))}
                  </ul>
                  <p>
                    {c.profile.skills.join(', ')} — NCLC {c.profile.frenchNclc ?? '—'} / CLB{' '}
                    {c.profile.englishClb ?? '—'}
                    {c.profile.availableFrom
                      ? ` — ${t('employer.available', { date: c.profile.availableFrom })}`
                      : ''}
                  </p>
                  <Reasons id={`c-${c.matchId}`} score={c.score} reasons={c.reasons} />
                  {c.contact && (
                    <p>
                      <strong>{t('employer.contact')}</strong> :{' '}
                      <a href={`mailto:${c.contact.email}`}>{c.contact.email}</a>
                      {c.contact.phone ? ` — ${c.contact.phone}` : ''}
                    </p>
                  )}
                  {c.mutual ? (
                    <p role="status">{t('common.mutual')}</p>
                  ) : c.employerInterested ? (
                    <p>{t('common.waitingOther')}</p>
                  ) : c.candidateInterested ? (
                    <p>{t('common.otherInterested')}</p>
                  ) : null}
                  {!c.employerInterested && (
                    <div className="jobs-actions">
                      <Button
                        busy={interest.isPending}
                        onClick={() => interest.mutate({ matchId: c.matchId, interested: true })}
                      >
                        {t('common.interested')}
                      </Button>
                      <Button
                        variant="secondary"
                        busy={interest.isPending}
                        onClick={() => interest.mutate({ matchId: c.matchId, interested: false })}
                      >
                        {t('common.notInterested')}
                      </Button>
                    </div>
                  )}
                  {c.mutual && <Thread orgId={orgId} matchId={c.matchId} />}
                </article>
              ))}
            </section>
          )}
          <form
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              createOffer.mutate();
            }}
          >
            <h3>{t('employer.newOffer')}</h3>
            <TextField
              id="o-title"
              label={t('employer.offerTitle')}
              value={offer.title}
              onChange={(e) => setO('title', e.target.value)}
            />
            <div className="jobs-grid">
              <TextField
                id="o-noc"
                label={t('employer.noc')}
                inputSize="code"
                inputMode="numeric"
                value={offer.nocCode}
                onChange={(e) => setO('nocCode', e.target.value)}
              />
              <SelectField
                id="o-town"
                label={t('employer.municipality')}
                value={offer.municipalityOrgId}
                onChange={(e) => setO('municipalityOrgId', e.target.value)}
              >
                {townOptions}
              </SelectField>
            </div>
            <TextAreaField
              id="o-desc"
              label={t('employer.description')}
              rows={5}
              value={offer.description}
              onChange={(e) => setO('description', e.target.value)}
            />
            <TextAreaField
              id="o-req"
              label={t('employer.requirements')}
              rows={3}
              value={offer.requirements}
              onChange={(e) => setO('requirements', e.target.value)}
            />
            <TextField
              id="o-skills"
              label={t('employer.skills')}
              value={skills}
              onChange={(e) => setSkills(e.target.value)}
            />
            <div className="jobs-grid">
              <TextField
                id="o-wmin"
                type="number"
                min={0}
                step="0.01"
                label={t('employer.wageMin')}
                value={offer.wageMinCents === null ? '' : offer.wageMinCents / 100}
                onChange={(e) =>
                  setO(
                    'wageMinCents',
                    e.target.value === '' ? null : Math.round(Number(e.target.value) * 100),
                  )
                }
              />
              <TextField
                id="o-wmax"
                type="number"
                min={0}
                step="0.01"
                label={t('employer.wageMax')}
                value={offer.wageMaxCents === null ? '' : offer.wageMaxCents / 100}
                onChange={(e) =>
                  setO(
                    'wageMaxCents',
                    e.target.value === '' ? null : Math.round(Number(e.target.value) * 100),
                  )
                }
              />
              <SelectField
                id="o-unit"
                label={t('employer.wageUnit')}
                value={offer.wageUnit}
                onChange={(e) => setO('wageUnit', e.target.value as 'hour' | 'year')}
              >
                <option value="hour">{t('employer.units.hour')}</option>
                <option value="year">{t('employer.units.year')}</option>
              </SelectField>
              <TextField
                id="o-hours"
                type="number"
                min={1}
                max={80}
                label={t('employer.hours')}
                value={offer.hoursPerWeek}
                onChange={(e) => setO('hoursPerWeek', Number(e.target.value))}
              />
              <SelectField
                id="o-perm"
                label={t('employer.permanence')}
                value={offer.permanence}
                onChange={(e) => setO('permanence', e.target.value as OfferBody['permanence'])}
              >
                {(['permanent', 'temporary', 'seasonal'] as const).map((p) => (
                  <option key={p} value={p}>
                    {t(`employer.permanences.${p}`)}
                  </option>
                ))}
              </SelectField>
              <TextField
                id="o-start"
                type="date"
                label={t('employer.start')}
                value={offer.startDate ?? ''}
                onChange={(e) => setO('startDate', e.target.value || null)}
              />
              <SelectField
                id="o-fr"
                label={t('employer.frenchMin')}
                value={offer.frenchMinNclc ?? ''}
                onChange={(e) => setO('frenchMinNclc', e.target.value === '' ? null : Number(e.target.value))}
              >
                <option value="">—</option>
                {BENCH.map((n) => (
                  <option key={n} value={n}>
                    NCLC {n}
                  </option>
                ))}
              </SelectField>
              <SelectField
                id="o-en"
                label={t('employer.englishMin')}
                value={offer.englishMinClb ?? ''}
                onChange={(e) => setO('englishMinClb', e.target.value === '' ? null : Number(e.target.value))}
              >
                <option value="">—</option>
                {BENCH.map((n) => (
                  <option key={n} value={n}>
                    CLB {n}
                  </option>
                ))}
              </SelectField>
            </div>
            <fieldset className="jobs-fieldset jobs-checks">
              <legend>
                {t('employer.housingHelp')} / {t('employer.relocationHelp')}
              </legend>
              {(['housingHelp', 'relocationHelp', 'spouseJobHelp', 'permitSupport'] as const).map((k) => (
                <label key={k}>
                  <input type="checkbox" checked={offer[k]} onChange={(e) => setO(k, e.target.checked)} />{' '}
                  {t(`employer.${k}`)}
                </label>
              ))}
            </fieldset>
            <Button type="submit" busy={createOffer.isPending}>
              {t('common.save')}
            </Button>
          </form>
        </section>
      ) : (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            createCompany.mutate();
          }}
        >
          <h2>{t('employer.newCompany')}</h2>
          <div className="jobs-grid">
            <TextField
              id="co-name"
              label={t('employer.name')}
              value={company.name}
              onChange={(e) => setC('name', e.target.value)}
            />
            <TextField
              id="co-naics"
              label={t('employer.naics')}
              inputSize="code"
              inputMode="numeric"
              value={company.naicsCode}
              onChange={(e) => setC('naicsCode', e.target.value)}
            />
            <TextField
              id="co-sfr"
              label={t('employer.sectorFr')}
              value={company.sectorFr}
              onChange={(e) => setC('sectorFr', e.target.value)}
            />
            <TextField
              id="co-sen"
              label={t('employer.sectorEn')}
              value={company.sectorEn}
              onChange={(e) => setC('sectorEn', e.target.value)}
            />
            <SelectField
              id="co-town"
              label={t('employer.municipality')}
              value={company.municipalityOrgId}
              onChange={(e) => setC('municipalityOrgId', e.target.value)}
            >
              {townOptions}
            </SelectField>
            <SelectField
              id="co-size"
              label={t('employer.size')}
              value={company.size}
              onChange={(e) => setC('size', e.target.value as CompanyBody['size'])}
            >
              {(['1-9', '10-49', '50-199', '200+'] as const).map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </SelectField>
          </div>
          <TextField
            id="co-address"
            label={t('employer.address')}
            value={company.address}
            onChange={(e) => setC('address', e.target.value)}
          />
          <TextAreaField
            id="co-dfr"
            label={t('employer.descriptionFr')}
            rows={3}
            value={company.descriptionFr}
            onChange={(e) => setC('descriptionFr', e.target.value)}
          />
          <TextAreaField
            id="co-den"
            label={t('employer.descriptionEn')}
            rows={3}
            value={company.descriptionEn}
            onChange={(e) => setC('descriptionEn', e.target.value)}
          />
          <TextAreaField
            id="co-bfr"
            label={t('employer.benefitsFr')}
            rows={2}
            value={company.benefitsFr}
            onChange={(e) => setC('benefitsFr', e.target.value)}
          />
          <TextAreaField
            id="co-ben"
            label={t('employer.benefitsEn')}
            rows={2}
            value={company.benefitsEn}
            onChange={(e) => setC('benefitsEn', e.target.value)}
          />
          <TextField
            id="co-web"
            type="url"
            label={t('employer.website')}
            value={company.website ?? ''}
            onChange={(e) => setC('website', e.target.value || null)}
          />
          <fieldset className="jobs-fieldset jobs-checks">
            <legend>
              {t('employer.housingHelp')} / {t('employer.relocationHelp')}
            </legend>
            {(['housingHelp', 'relocationHelp', 'directoryListed'] as const).map((k) => (
              <label key={k}>
                <input type="checkbox" checked={company[k]} onChange={(e) => setC(k, e.target.checked)} />{' '}
                {t(`employer.${k === 'directoryListed' ? 'directory' : k}`)}
              </label>
            ))}
          </fieldset>
          <Button type="submit" busy={createCompany.isPending}>
            {t('employer.newCompany')}
          </Button>
        </form>
      )}
      <p>
        <a className="jobs-block-link" href={`/emplois/${mrc.slug}`}>
          {t('nav.publicOffers')}
        </a>
      </p>
    </Page>
  );
}

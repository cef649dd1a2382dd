import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type ApiPaths, api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import { Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import './jobs.css';
import { type Reason, Reasons, splitList, Thread, useMrc } from './shared.tsx';

type Profile = NonNullable<
  ApiPaths['/api/orgs/{orgId}/attraction/candidate/profile']['put']['requestBody']
>['content']['application/json'];
interface MatchItem {
  matchId: string;
  score: number;
  reasons: Reason[];
  candidateInterested: boolean;
  employerInterested: boolean;
  mutual: boolean;
  offer: {
    title: string;
    companyName: string;
    municipality: { fr: string; en: string };
    publicUrl: string | null;
    nocCode: string;
  };
}

const LEVELS = ['none', 'secondary', 'vocational', 'college', 'bachelor', 'master', 'doctorate'] as const;
const PERMITS = [
  'citizen',
  'permanent_resident',
  'open_permit',
  'employer_specific_permit',
  'needs_permit',
] as const;
const BENCH = Array.from({ length: 13 }, (_, i) => i);

const empty: Profile = {
  headline: '',
  summary: '',
  originCountry: null,
  currentCountry: null,
  experience: [],
  education: [],
  skills: [],
  frenchNclc: null,
  englishClb: null,
  otherLanguages: [],
  desiredNocCodes: [],
  desiredMunicipalityIds: [],
  availableFrom: null,
  permitSituation: 'needs_permit',
  family: { spouseJob: false, schoolChildren: 0, daycareChildren: 0, housing: false, relocation: false },
  cvFileId: null,
  digestFrequency: 'weekly',
};

/** The candidate's space: a private profile, matching with consent, matched offers with reasons, messages. */
export function CandidatePage() {
  const { t, i18n } = useTranslation('attraction');
  const { t: common } = useTranslation();
  const { orgId = '' } = useParams();
  const { mrc, towns, loading } = useMrc(orgId);
  const client = useQueryClient();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const profileQ = useQuery({
    queryKey: ['attraction', orgId, 'profile'],
    queryFn: () =>
      call(api.GET('/api/orgs/{orgId}/attraction/candidate/profile', { params: { path: { orgId } } })),
    enabled: !!mrc,
  });
  const matchesQ = useQuery({
    queryKey: ['attraction', orgId, 'my-matches'],
    queryFn: async () =>
      (await call(
        api.GET('/api/orgs/{orgId}/attraction/candidate/matches', { params: { path: { orgId } } }),
      )) as unknown as { matchingEnabled: boolean; items: MatchItem[] },
    enabled: !!mrc,
  });
  const consents = useQuery({ queryKey: ['consents'], queryFn: () => call(api.GET('/api/me/consents')) });
  const [form, setForm] = useState<Profile>(empty);
  const [skills, setSkills] = useState('');
  const [nocQuery, setNocQuery] = useState('');
  const [accepted, setAccepted] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const profile = profileQ.data?.profile;
  useEffect(() => {
    if (!profile) return;
    const { id: _id, matchingEnabled: _m, cv: _cv, updatedAt: _u, ...rest } = profile;
    setForm(rest as Profile);
    setSkills(profile.skills.join(', '));
  }, [profile]);
  const noc = useQuery({
    queryKey: ['noc', nocQuery],
    queryFn: () =>
      call(api.GET('/api/attraction/noc', { params: { query: { q: nocQuery, level: 5, limit: 8 } } })),
    enabled: nocQuery.trim().length >= 3,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['attraction', orgId] });
  const save = useMutation({
    mutationFn: () =>
      call(
        api.PUT('/api/orgs/{orgId}/attraction/candidate/profile', {
          params: { path: { orgId } },
          body: { ...form, skills: splitList(skills) },
        }),
      ),
    onSuccess: async () => {
      setNotice(t('common.saved'));
      await refresh();
    },
  });
  const matching = useMutation({
    mutationFn: (enabled: boolean) => {
      const version = consents.data?.purposes.find((p) => p.purpose === 'job_matching')?.version;
      return call(
        api.POST('/api/orgs/{orgId}/attraction/candidate/matching', {
          params: { path: { orgId } },
          body: enabled ? { enabled, consentVersion: version } : { enabled },
        }),
      );
    },
    onSuccess: refresh,
  });
  const interest = useMutation({
    mutationFn: (v: { matchId: string; interested: boolean }) =>
      call(
        api.POST('/api/orgs/{orgId}/attraction/candidate/matches/{matchId}/interest', {
          params: { path: { orgId, matchId: v.matchId } },
          body: { interested: v.interested },
        }),
      ),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () =>
      call(api.DELETE('/api/orgs/{orgId}/attraction/candidate/profile', { params: { path: { orgId } } })),
    onSuccess: async () => {
      setForm(empty);
      setSkills('');
      setNotice(t('candidate.deleted'));
      await refresh();
    },
  });
  const upload = async (file: File) => {
    const data = new FormData();
    data.append('purpose', 'attraction.cv');
    data.append('file', file, file.name);
    const stored = await call(
      api.POST('/api/files/{orgId}', {
        params: { path: { orgId } },
        body: data as never,
        bodySerializer: (b: unknown) => b as FormData,
      }),
    );
    setForm((f) => ({ ...f, cvFileId: stored.id }));
  };
  if (loading || (mrc && profileQ.isLoading)) return <Loading />;
  if (!mrc)
    return (
      <Page title={t('candidate.title')}>
        <Alert tone="warning">{t('common.notMrc')}</Alert>
      </Page>
    );
  const set = <K extends keyof Profile>(key: K, value: Profile[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const setFamily = (patch: Partial<Profile['family']>) =>
    setForm((f) => ({ ...f, family: { ...f.family, ...patch } }));
  const consentText = consents.data?.purposes.find((p) => p.purpose === 'job_matching');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Page title={t('candidate.title')}>
      <p>{t('candidate.intro')}</p>
      {notice && <Alert tone="success">{notice}</Alert>}
      <form onSubmit={onSubmit} noValidate>
        <h2>{t('candidate.profile')}</h2>
        <TextField
          id="c-headline"
          label={t('candidate.headline')}
          value={form.headline}
          maxLength={200}
          onChange={(e) => set('headline', e.target.value)}
        />
        <TextAreaField
          id="c-summary"
          label={t('candidate.summary')}
          value={form.summary}
          maxLength={4000}
          rows={3}
          onChange={(e) => set('summary', e.target.value)}
        />
        <div className="jobs-grid">
          <TextField
            id="c-origin"
            label={t('candidate.origin')}
            inputSize="code"
            value={form.originCountry ?? ''}
            maxLength={2}
            onChange={(e) => set('originCountry', e.target.value.toUpperCase() || null)}
          />
          <TextField
            id="c-current"
            label={t('candidate.current')}
            inputSize="code"
            value={form.currentCountry ?? ''}
            maxLength={2}
            onChange={(e) => set('currentCountry', e.target.value.toUpperCase() || null)}
          />
        </div>
        <fieldset className="jobs-fieldset">
          <legend>{t('candidate.languages')}</legend>
          <div className="jobs-grid">
            <SelectField
              id="c-fr"
              label={t('candidate.french')}
              value={form.frenchNclc ?? ''}
              onChange={(e) => set('frenchNclc', e.target.value === '' ? null : Number(e.target.value))}
            >
              <option value="">{t('candidate.levelNone')}</option>
              {BENCH.map((n) => (
                <option key={n} value={n}>
                  NCLC {n}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="c-en"
              label={t('candidate.english')}
              value={form.englishClb ?? ''}
              onChange={(e) => set('englishClb', e.target.value === '' ? null : Number(e.target.value))}
            >
              <option value="">{t('candidate.levelNone')}</option>
              {BENCH.map((n) => (
                <option key={n} value={n}>
                  CLB {n}
                </option>
              ))}
            </SelectField>
          </div>
          <TextField
            id="c-other"
            label={t('candidate.otherLanguages')}
            value={form.otherLanguages.join(', ')}
            onChange={(e) => set('otherLanguages', splitList(e.target.value))}
          />
        </fieldset>
        <TextField
          id="c-skills"
          label={t('candidate.skills')}
          value={skills}
          onChange={(e) => setSkills(e.target.value)}
        />
        <fieldset className="jobs-fieldset">
          <legend>{t('candidate.occupations')}</legend>
          <ul aria-live="polite">
            {form.desiredNocCodes.map((code) => (
              <li key={code} className="jobs-chip">
                {code}
                <Button
                  variant="link"
                  aria-label={`${t('common.remove')} ${code}`}
                  onClick={() =>
                    set(
                      'desiredNocCodes',
                      form.desiredNocCodes.filter((c) => c !== code),
                    )
                  }
                >
                  {t('common.remove')}
                </Button>
              </li>
            ))}
          </ul>
          <TextField
            id="c-noc"
            label={t('candidate.nocSearch')}
            value={nocQuery}
            onChange={(e) => setNocQuery(e.target.value)}
            autoComplete="off"
          />
          {noc.data && (
            <ul aria-label={t('candidate.nocResults')}>
              {noc.data.items.map((n) => (
                <li key={n.code}>
                  {n.code} — {lang === 'en' ? n.titleEn : n.titleFr} ({t('candidate.teer', { teer: n.teer })}){' '}
                  <Button
                    variant="secondary"
                    disabled={form.desiredNocCodes.includes(n.code) || form.desiredNocCodes.length >= 10}
                    onClick={() => set('desiredNocCodes', [...form.desiredNocCodes, n.code])}
                  >
                    {t('common.add')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <fieldset className="jobs-fieldset jobs-checks">
          <legend>{t('candidate.municipalities')}</legend>
          {towns.map((town) => (
            <label key={town.id}>
              <input
                type="checkbox"
                checked={form.desiredMunicipalityIds.includes(town.id)}
                onChange={(e) =>
                  set(
                    'desiredMunicipalityIds',
                    e.target.checked
                      ? [...form.desiredMunicipalityIds, town.id]
                      : form.desiredMunicipalityIds.filter((x) => x !== town.id),
                  )
                }
              />{' '}
              {lang === 'en' ? town.name.en : town.name.fr}
            </label>
          ))}
        </fieldset>
        <div className="jobs-grid">
          <TextField
            id="c-available"
            type="date"
            label={t('candidate.available')}
            value={form.availableFrom ?? ''}
            onChange={(e) => set('availableFrom', e.target.value || null)}
          />
          <SelectField
            id="c-permit"
            label={t('candidate.permit')}
            value={form.permitSituation}
            onChange={(e) => set('permitSituation', e.target.value as Profile['permitSituation'])}
          >
            {PERMITS.map((p) => (
              <option key={p} value={p}>
                {t(`candidate.permits.${p}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <fieldset className="jobs-fieldset">
          <legend>{t('candidate.experience')}</legend>
          {form.experience.map((x, i) => (
            <div className="jobs-grid" key={`exp-${i.toString()}`}>
              <TextField
                id={`c-exp-${i}-title`}
                label={t('candidate.expTitle')}
                value={x.title}
                onChange={(e) =>
                  set(
                    'experience',
                    form.experience.map((y, j) => (j === i ? { ...y, title: e.target.value } : y)),
                  )
                }
              />
              <TextField
                id={`c-exp-${i}-noc`}
                label={t('candidate.expNoc')}
                inputSize="code"
                inputMode="numeric"
                value={x.nocCode ?? ''}
                onChange={(e) =>
                  set(
                    'experience',
                    form.experience.map((y, j) =>
                      j === i ? { ...y, nocCode: e.target.value || undefined } : y,
                    ),
                  )
                }
              />
              <TextField
                id={`c-exp-${i}-years`}
                label={t('candidate.expYears')}
                type="number"
                min={0}
                max={60}
                inputSize="short"
                value={x.years}
                onChange={(e) =>
                  set(
                    'experience',
                    form.experience.map((y, j) => (j === i ? { ...y, years: Number(e.target.value) } : y)),
                  )
                }
              />
              <Button
                variant="secondary"
                onClick={() =>
                  set(
                    'experience',
                    form.experience.filter((_, j) => j !== i),
                  )
                }
              >
                {t('common.remove')}
              </Button>
            </div>
          ))}
          <Button
            variant="secondary"
            onClick={() => set('experience', [...form.experience, { title: '', years: 1 }])}
          >
            {t('candidate.addExperience')}
          </Button>
        </fieldset>
        <fieldset className="jobs-fieldset">
          <legend>{t('candidate.education')}</legend>
          {form.education.map((x, i) => (
            <div className="jobs-grid" key={`edu-${i.toString()}`}>
              <SelectField
                id={`c-edu-${i}-level`}
                label={t('candidate.eduLevel')}
                value={x.level}
                onChange={(e) =>
                  set(
                    'education',
                    form.education.map((y, j) =>
                      j === i ? { ...y, level: e.target.value as (typeof LEVELS)[number] } : y,
                    ),
                  )
                }
              >
                {LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {t(`candidate.levels.${l}`)}
                  </option>
                ))}
              </SelectField>
              <TextField
                id={`c-edu-${i}-field`}
                label={t('candidate.eduField')}
                value={x.field}
                onChange={(e) =>
                  set(
                    'education',
                    form.education.map((y, j) => (j === i ? { ...y, field: e.target.value } : y)),
                  )
                }
              />
              <Button
                variant="secondary"
                onClick={() =>
                  set(
                    'education',
                    form.education.filter((_, j) => j !== i),
                  )
                }
              >
                {t('common.remove')}
              </Button>
            </div>
          ))}
          <Button
            variant="secondary"
            onClick={() => set('education', [...form.education, { level: 'secondary', field: '' }])}
          >
            {t('candidate.addEducation')}
          </Button>
        </fieldset>
        <fieldset className="jobs-fieldset jobs-checks">
          <legend>{t('candidate.family')}</legend>
          <label>
            <input
              type="checkbox"
              checked={form.family.spouseJob}
              onChange={(e) => setFamily({ spouseJob: e.target.checked })}
            />{' '}
            {t('candidate.spouseJob')}
          </label>
          <label>
            <input
              type="checkbox"
              checked={form.family.housing}
              onChange={(e) => setFamily({ housing: e.target.checked })}
            />{' '}
            {t('candidate.housing')}
          </label>
          <label>
            <input
              type="checkbox"
              checked={form.family.relocation}
              onChange={(e) => setFamily({ relocation: e.target.checked })}
            />{' '}
            {t('candidate.relocation')}
          </label>
          <div className="jobs-grid">
            <TextField
              id="c-school"
              type="number"
              min={0}
              max={15}
              inputSize="short"
              label={t('candidate.school')}
              value={form.family.schoolChildren}
              onChange={(e) => setFamily({ schoolChildren: Number(e.target.value) })}
            />
            <TextField
              id="c-daycare"
              type="number"
              min={0}
              max={15}
              inputSize="short"
              label={t('candidate.daycare')}
              value={form.family.daycareChildren}
              onChange={(e) => setFamily({ daycareChildren: Number(e.target.value) })}
            />
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="c-cv">{t('candidate.cv')}</label>
          {profile?.cv && form.cvFileId === profile.cv.id && (
            <p>{t('candidate.cvCurrent', { name: profile.cv.name })}</p>
          )}
          <input
            id="c-cv"
            type="file"
            accept="application/pdf"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void upload(f).catch((err: unknown) => setNotice(errorMessage(err, common)));
            }}
          />
        </div>
        <SelectField
          id="c-digest"
          label={t('candidate.digest')}
          value={form.digestFrequency}
          onChange={(e) => set('digestFrequency', e.target.value as Profile['digestFrequency'])}
        >
          {(['daily', 'weekly', 'never'] as const).map((d) => (
            <option key={d} value={d}>
              {t(`candidate.digests.${d}`)}
            </option>
          ))}
        </SelectField>
        {save.error && <Alert tone="error">{errorMessage(save.error, common)}</Alert>}
        <Button type="submit" busy={save.isPending}>
          {t('common.save')}
        </Button>
      </form>

      <h2>{t('candidate.matching')}</h2>
      {!profile ? (
        <p>{t('candidate.saveFirst')}</p>
      ) : profile.matchingEnabled ? (
        <>
          <p>{t('candidate.matchingOn')}</p>
          <Button variant="secondary" busy={matching.isPending} onClick={() => matching.mutate(false)}>
            {t('candidate.turnOff')}
          </Button>
        </>
      ) : (
        <>
          <p>{t('candidate.matchingOff')}</p>
          {consentText && <blockquote>{consentText.text}</blockquote>}
          <label>
            <input type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} />{' '}
            {t('candidate.consent')}
          </label>
          <p>
            <Button disabled={!accepted} busy={matching.isPending} onClick={() => matching.mutate(true)}>
              {t('candidate.turnOn')}
            </Button>
          </p>
        </>
      )}
      {matching.error && <Alert tone="error">{errorMessage(matching.error, common)}</Alert>}

      <h2>{t('candidate.matches')}</h2>
      {matchesQ.data?.items.length ? (
        matchesQ.data.items.map((m) => (
          <article
            key={m.matchId}
            className="jobs-card"
            id={`m-${m.matchId}`}
            aria-labelledby={`m-${m.matchId}-title`}
          >
            <h3 id={`m-${m.matchId}-title`}>{m.offer.title}</h3>
            <p>
              {m.offer.companyName} — {m.offer.municipality[lang]}{' '}
              {m.offer.publicUrl && <a href={m.offer.publicUrl}>({m.offer.nocCode})</a>}
            </p>
            <Reasons id={`m-${m.matchId}`} score={m.score} reasons={m.reasons} />
            {m.mutual ? (
              <p role="status">{t('common.mutual')}</p>
            ) : m.candidateInterested ? (
              <p>{t('common.waitingOther')}</p>
            ) : m.employerInterested ? (
              <p>{t('common.otherInterested')}</p>
            ) : null}
            {!m.candidateInterested && (
              <div className="jobs-actions">
                <Button
                  busy={interest.isPending}
                  onClick={() => interest.mutate({ matchId: m.matchId, interested: true })}
                >
                  {t('common.interested')}
                </Button>
                <Button
                  variant="secondary"
                  busy={interest.isPending}
                  onClick={() => interest.mutate({ matchId: m.matchId, interested: false })}
                >
                  {t('common.notInterested')}
                </Button>
              </div>
            )}
            {m.mutual && <Thread orgId={orgId} matchId={m.matchId} />}
          </article>
        ))
      ) : (
        <p>{t('candidate.noMatches')}</p>
      )}
      {interest.error && <Alert tone="error">{errorMessage(interest.error, common)}</Alert>}

      {profile && (
        <>
          <h2>{t('candidate.data')}</h2>
          <p>
            <a
              className="jobs-block-link"
              href={`/api/orgs/${orgId}/attraction/candidate/export`}
              download="mes-donnees-candidat.json"
            >
              {t('candidate.export')}
            </a>
          </p>
          <Button
            variant="danger"
            busy={remove.isPending}
            onClick={() => {
              if (window.confirm(t('candidate.deleteConfirm'))) remove.mutate();
            }}
          >
            {t('candidate.delete')}
          </Button>
        </>
      )}
    </Page>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiData, api, call } from '../../../../app/api.ts';
import { Alert } from '../../../../ui/Alert.tsx';
import { Button } from '../../../../ui/Button.tsx';
import { errorMessage } from '../../../../ui/errors.ts';
import { SelectField, TextAreaField, TextField } from '../../../../ui/Field.tsx';
import { type ApiBody, useBi } from '../shared.tsx';

export type StaffConsultation = ApiData<
  '/api/orgs/{orgId}/citizen/staff/consultations',
  'get'
>['items'][number];
type Input = ApiBody<'/api/orgs/{orgId}/citizen/staff/consultations', 'post'>;
type Doc = { fr: string; en: string; url: string };
type Phase = { fr: string; en: string; startsOn: string; endsOn: string };

/**
 * Create or edit a consultation's file: bilingual title and context, documents, the timeline of phases,
 * and the ways to take part (comments and proposals are always open; a survey may be attached).
 */
export function ConsultationForm({
  orgId,
  editing,
  onSaved,
  onCancel,
}: {
  orgId: string;
  editing: StaffConsultation | null;
  onSaved: (saved: StaffConsultation) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('participation');
  const { t: common } = useTranslation();
  const bi = useBi();
  const [title, setTitle] = useState(editing?.title ?? { fr: '', en: '' });
  const [context, setContext] = useState(editing?.context ?? { fr: '', en: '' });
  const [docs, setDocs] = useState<Doc[]>(
    editing?.documents.map((d) => ({ fr: d.title.fr, en: d.title.en, url: d.url })) ?? [],
  );
  const [phases, setPhases] = useState<Phase[]>(
    editing?.phases.map((p) => ({
      fr: p.title.fr,
      en: p.title.en,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
    })) ?? [],
  );
  const [surveyId, setSurveyId] = useState(editing?.surveyId ?? '');
  const [problem, setProblem] = useState<unknown>(null);
  const surveys = useQuery({
    queryKey: ['participation', 'staff-surveys', orgId],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/citizen/staff/surveys', { params: { path: { orgId } } })),
  });
  const body: Input = {
    title,
    context,
    documents: docs.map((d) => ({ title: { fr: d.fr, en: d.en }, url: d.url })),
    phases: phases.map((p) => ({ title: { fr: p.fr, en: p.en }, startsOn: p.startsOn, endsOn: p.endsOn })),
    surveyId: surveyId || null,
  };
  const save = async () => {
    setProblem(null);
    try {
      const saved = editing
        ? await call(
            api.PUT('/api/orgs/{orgId}/citizen/staff/consultations/{id}', {
              params: { path: { orgId, id: editing.id } },
              body,
            }),
          )
        : await call(
            api.POST('/api/orgs/{orgId}/citizen/staff/consultations', { params: { path: { orgId } }, body }),
          );
      onSaved(saved);
    } catch (caught) {
      setProblem(caught);
    }
  };
  const setDoc = (i: number, patch: Partial<Doc>) =>
    setDocs((all) => all.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const setPhase = (i: number, patch: Partial<Phase>) =>
    setPhases((all) => all.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>
        {editing ? t('consultationDesk.editTitle', { title: bi(editing.title) }) : t('consultationDesk.new')}
      </h3>
      {problem !== null && <Alert tone="error">{errorMessage(problem, common)}</Alert>}
      <TextField
        id="c-title-fr"
        lang="fr"
        label={t('consultationDesk.titleFr')}
        value={title.fr}
        required
        onChange={(e) => setTitle({ ...title, fr: e.target.value })}
      />
      <TextField
        id="c-title-en"
        lang="en"
        label={t('consultationDesk.titleEn')}
        value={title.en}
        required
        onChange={(e) => setTitle({ ...title, en: e.target.value })}
      />
      <TextAreaField
        id="c-context-fr"
        lang="fr"
        rows={5}
        label={t('consultationDesk.contextFr')}
        value={context.fr}
        required
        onChange={(e) => setContext({ ...context, fr: e.target.value })}
      />
      <TextAreaField
        id="c-context-en"
        lang="en"
        rows={5}
        label={t('consultationDesk.contextEn')}
        value={context.en}
        required
        onChange={(e) => setContext({ ...context, en: e.target.value })}
      />
      <fieldset className="builder-question">
        <legend>{t('consultationDesk.documents')}</legend>
        {docs.map((d, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own until saved.
          <div key={i} className="builder-question">
            <TextField
              id={`c-doc-${i}-fr`}
              lang="fr"
              label={t('consultationDesk.docTitleFr', { n: i + 1 })}
              value={d.fr}
              required
              onChange={(e) => setDoc(i, { fr: e.target.value })}
            />
            <TextField
              id={`c-doc-${i}-en`}
              lang="en"
              label={t('consultationDesk.docTitleEn', { n: i + 1 })}
              value={d.en}
              required
              onChange={(e) => setDoc(i, { en: e.target.value })}
            />
            <TextField
              id={`c-doc-${i}-url`}
              type="url"
              label={t('consultationDesk.docUrl', { n: i + 1 })}
              value={d.url}
              required
              onChange={(e) => setDoc(i, { url: e.target.value })}
            />
            <Button variant="secondary" onClick={() => setDocs(docs.filter((_, j) => j !== i))}>
              {t('consultationDesk.removeDoc', { n: i + 1 })}
            </Button>
          </div>
        ))}
        <Button variant="secondary" onClick={() => setDocs([...docs, { fr: '', en: '', url: '' }])}>
          {t('consultationDesk.addDoc')}
        </Button>
      </fieldset>
      <fieldset className="builder-question">
        <legend>{t('consultationDesk.phases')}</legend>
        {phases.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own until saved.
          <div key={i} className="builder-question">
            <TextField
              id={`c-phase-${i}-fr`}
              lang="fr"
              label={t('consultationDesk.phaseFr', { n: i + 1 })}
              value={p.fr}
              required
              onChange={(e) => setPhase(i, { fr: e.target.value })}
            />
            <TextField
              id={`c-phase-${i}-en`}
              lang="en"
              label={t('consultationDesk.phaseEn', { n: i + 1 })}
              value={p.en}
              required
              onChange={(e) => setPhase(i, { en: e.target.value })}
            />
            <TextField
              id={`c-phase-${i}-start`}
              type="date"
              label={t('consultationDesk.startsOn', { n: i + 1 })}
              value={p.startsOn}
              required
              onChange={(e) => setPhase(i, { startsOn: e.target.value })}
            />
            <TextField
              id={`c-phase-${i}-end`}
              type="date"
              label={t('consultationDesk.endsOn', { n: i + 1 })}
              value={p.endsOn}
              required
              onChange={(e) => setPhase(i, { endsOn: e.target.value })}
            />
            <Button variant="secondary" onClick={() => setPhases(phases.filter((_, j) => j !== i))}>
              {t('consultationDesk.removePhase', { n: i + 1 })}
            </Button>
          </div>
        ))}
        <Button
          variant="secondary"
          onClick={() => setPhases([...phases, { fr: '', en: '', startsOn: '', endsOn: '' }])}
        >
          {t('consultationDesk.addPhase')}
        </Button>
      </fieldset>
      <fieldset className="builder-question">
        <legend>{t('consultationDesk.ways')}</legend>
        <p>{t('consultationDesk.waysAlways')}</p>
        <SelectField
          id="c-survey"
          label={t('consultationDesk.survey')}
          value={surveyId}
          onChange={(e) => setSurveyId(e.target.value)}
        >
          <option value="">{t('consultationDesk.noSurvey')}</option>
          {(surveys.data?.items ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {bi(s.title)}
            </option>
          ))}
        </SelectField>
      </fieldset>
      <div className="inline-actions">
        <Button type="submit">{t('consultationDesk.save')}</Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('staffAlerts.cancelEdit')}
        </Button>
      </div>
    </form>
  );
}

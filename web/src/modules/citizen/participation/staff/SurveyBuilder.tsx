import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../../app/api.ts';
import { Alert } from '../../../../ui/Alert.tsx';
import { Button } from '../../../../ui/Button.tsx';
import { errorMessage } from '../../../../ui/errors.ts';
import { SelectField, TextAreaField, TextField } from '../../../../ui/Field.tsx';
import type { ApiBody } from '../shared.tsx';

type SurveyInput = ApiBody<'/api/orgs/{orgId}/citizen/staff/surveys', 'post'>;
type QuestionInput = SurveyInput['questions'][number];
const TYPES = ['single', 'multiple', 'text', 'number', 'scale', 'ranking', 'date'] as const;
const CHOICE = new Set(['single', 'multiple', 'ranking']);

interface Draft {
  /** Stable identity of the question while it is edited (React key). */
  uid: number;
  type: QuestionInput['type'];
  fr: string;
  en: string;
  required: boolean;
  /** One option a line: `Français | English`. */
  options: string;
  min: string;
  max: string;
  showIfQuestion: string;
  showIfOptions: string;
}

let nextUid = 1;
const empty = (): Draft => ({
  uid: nextUid++,
  type: 'single',
  fr: '',
  en: '',
  required: true,
  options: '',
  min: '',
  max: '',
  showIfQuestion: '',
  showIfOptions: '',
});
const localInput = (d: Date) =>
  new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

function toQuestion(d: Draft, i: number, all: Draft[]): QuestionInput {
  const options = d.options
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l, j) => {
      const [fr = '', en = ''] = l.split('|').map((s) => s.trim());
      return { key: `o${j + 1}`, label: { fr, en: en || fr } };
    });
  const target = all.findIndex((_, j) => `q${j + 1}` === d.showIfQuestion);
  const targetOptions = target >= 0 ? (all[target]?.options ?? '').split('\n').filter((l) => l.trim()) : [];
  const anyOf = d.showIfOptions
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
    .map((label) => targetOptions.findIndex((l) => l.toLowerCase().startsWith(label)))
    .filter((j) => j >= 0)
    .map((j) => `o${j + 1}`);
  return {
    key: `q${i + 1}`,
    type: d.type,
    label: { fr: d.fr, en: d.en },
    required: d.required,
    ...(CHOICE.has(d.type) ? { options } : {}),
    ...(d.min !== '' ? { min: Number(d.min) } : {}),
    ...(d.max !== '' ? { max: Number(d.max) } : {}),
    ...(d.showIfQuestion && anyOf.length ? { showIf: { question: d.showIfQuestion, anyOf } } : {}),
  };
}

/** Staff write a bilingual survey: questions of seven kinds, required or not, shown on a condition. */
export function SurveyBuilder({ orgId, onSaved }: { orgId: string; onSaved: () => void }) {
  const { t } = useTranslation('participation');
  const { t: common } = useTranslation();
  const [title, setTitle] = useState({ fr: '', en: '' });
  const [intro, setIntro] = useState({ fr: '', en: '' });
  const [audience, setAudience] = useState<SurveyInput['audience']>('residents');
  const [prefixes, setPrefixes] = useState('');
  const [anonymous, setAnonymous] = useState(true);
  const [opensAt, setOpensAt] = useState(localInput(new Date()));
  const [closesAt, setClosesAt] = useState(localInput(new Date(Date.now() + 14 * 86_400_000)));
  const [questions, setQuestions] = useState<Draft[]>([empty()]);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const update = (i: number, patch: Partial<Draft>) =>
    setQuestions((qs) => qs.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await call(
        api.POST('/api/orgs/{orgId}/citizen/staff/surveys', {
          params: { path: { orgId } },
          body: {
            title,
            intro,
            audience,
            segmentPostalPrefixes:
              audience === 'segment' ? prefixes.split(/[\s,]+/).filter(Boolean) : undefined,
            anonymous,
            opensAt: new Date(opensAt).toISOString(),
            closesAt: new Date(closesAt).toISOString(),
            questions: questions.map((q, i) => toQuestion(q, i, questions)),
          },
        }),
      );
      onSaved();
    } catch (caught) {
      setProblem(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {problem !== null && <Alert tone="error">{errorMessage(problem, common)}</Alert>}
      <TextField
        id="s-title-fr"
        label={t('builder.titleFr')}
        lang="fr"
        value={title.fr}
        onChange={(e) => setTitle({ ...title, fr: e.target.value })}
        required
      />
      <TextField
        id="s-title-en"
        label={t('builder.titleEn')}
        lang="en"
        value={title.en}
        onChange={(e) => setTitle({ ...title, en: e.target.value })}
        required
      />
      <TextAreaField
        id="s-intro-fr"
        label={t('builder.introFr')}
        lang="fr"
        value={intro.fr}
        onChange={(e) => setIntro({ ...intro, fr: e.target.value })}
        optional
      />
      <TextAreaField
        id="s-intro-en"
        label={t('builder.introEn')}
        lang="en"
        value={intro.en}
        onChange={(e) => setIntro({ ...intro, en: e.target.value })}
        optional
      />
      <SelectField
        id="s-audience"
        label={t('builder.audience')}
        value={audience}
        onChange={(e) => setAudience(e.target.value as SurveyInput['audience'])}
      >
        {(['everyone', 'residents', 'partners', 'segment'] as const).map((a) => (
          <option key={a} value={a}>
            {t(`builder.audiences.${a}`)}
          </option>
        ))}
      </SelectField>
      {audience === 'segment' && (
        <TextField
          id="s-prefixes"
          label={t('builder.prefixes')}
          hint={t('builder.prefixesHint')}
          value={prefixes}
          onChange={(e) => setPrefixes(e.target.value)}
        />
      )}
      <label className="checkbox">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />{' '}
        {t('builder.anonymous')}
      </label>
      <TextField
        id="s-opens"
        type="datetime-local"
        label={t('builder.opens')}
        value={opensAt}
        onChange={(e) => setOpensAt(e.target.value)}
      />
      <TextField
        id="s-closes"
        type="datetime-local"
        label={t('builder.closes')}
        value={closesAt}
        onChange={(e) => setClosesAt(e.target.value)}
      />
      <h3>{t('builder.questions')}</h3>
      {questions.map((q, i) => (
        <fieldset key={q.uid} className="builder-question">
          <legend>{t('builder.question', { n: i + 1 })}</legend>
          <SelectField
            id={`q${i}-type`}
            label={t('builder.type')}
            value={q.type}
            onChange={(e) => update(i, { type: e.target.value as Draft['type'] })}
          >
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`builder.types.${type}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id={`q${i}-fr`}
            label={t('builder.labelFr')}
            lang="fr"
            value={q.fr}
            onChange={(e) => update(i, { fr: e.target.value })}
            required
          />
          <TextField
            id={`q${i}-en`}
            label={t('builder.labelEn')}
            lang="en"
            value={q.en}
            onChange={(e) => update(i, { en: e.target.value })}
            required
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={q.required}
              onChange={(e) => update(i, { required: e.target.checked })}
            />{' '}
            {t('builder.required')}
          </label>
          {CHOICE.has(q.type) && (
            <TextAreaField
              id={`q${i}-options`}
              label={t('builder.options')}
              hint={t('builder.optionsHint')}
              value={q.options}
              onChange={(e) => update(i, { options: e.target.value })}
            />
          )}
          {(q.type === 'number' || q.type === 'scale') && (
            <>
              <TextField
                id={`q${i}-min`}
                type="number"
                inputSize="short"
                label={t('builder.min')}
                value={q.min}
                onChange={(e) => update(i, { min: e.target.value })}
                optional
              />
              <TextField
                id={`q${i}-max`}
                type="number"
                inputSize="short"
                label={t('builder.max')}
                value={q.max}
                onChange={(e) => update(i, { max: e.target.value })}
                optional
              />
            </>
          )}
          {i > 0 && (
            <>
              <SelectField
                id={`q${i}-if`}
                label={t('builder.showIf')}
                value={q.showIfQuestion}
                onChange={(e) => update(i, { showIfQuestion: e.target.value })}
                optional
              >
                <option value="">{t('builder.always')}</option>
                {questions.slice(0, i).map((p, j) =>
                  CHOICE.has(p.type) ? (
                    <option key={p.uid} value={`q${j + 1}`}>
                      {t('builder.question', { n: j + 1 })} – {p.fr}
                    </option>
                  ) : null,
                )}
              </SelectField>
              {q.showIfQuestion && (
                <TextField
                  id={`q${i}-ifopts`}
                  label={t('builder.showIfOptions')}
                  hint={t('builder.showIfHint')}
                  value={q.showIfOptions}
                  onChange={(e) => update(i, { showIfOptions: e.target.value })}
                />
              )}
            </>
          )}
          <Button
            variant="secondary"
            onClick={() => setQuestions((qs) => qs.filter((_, j) => j !== i))}
            disabled={questions.length === 1}
          >
            {t('builder.remove', { n: i + 1 })}
          </Button>
        </fieldset>
      ))}
      <div className="inline-actions">
        <Button variant="secondary" onClick={() => setQuestions((qs) => [...qs, empty()])}>
          {t('builder.add')}
        </Button>
        <Button type="submit" busy={busy}>
          {t('builder.save')}
        </Button>
      </div>
    </form>
  );
}

import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button.tsx';
import { type Question, useBi } from './shared.tsx';

/** One question of a survey as a labelled control (a fieldset for choices, scales and rankings). */
export function QuestionField({
  question: q,
  value,
  error,
  onChange,
}: {
  question: Question;
  value: unknown;
  error?: string;
  onChange: (value: unknown) => void;
}) {
  const { t } = useTranslation('participation');
  const bi = useBi();
  const id = `q-${q.key}`;
  const hintId = q.help ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const legend = (
    <>
      {bi(q.label)}
      {!q.required && <span className="field__optional"> {t('survey.optional')}</span>}
    </>
  );
  const extras = (
    <>
      {q.help && (
        <span className="field__hint" id={hintId}>
          {bi(q.help)}
        </span>
      )}
      {error && (
        <span className="field__error" id={errorId}>
          {error}
        </span>
      )}
    </>
  );
  const options = q.options ?? [];

  if (q.type === 'single' || q.type === 'multiple' || q.type === 'scale') {
    const multiple = q.type === 'multiple';
    const choices =
      q.type === 'scale'
        ? Array.from({ length: (q.max ?? 5) - (q.min ?? 1) + 1 }, (_, i) => {
            const v = (q.min ?? 1) + i;
            const end = i === 0 ? q.minLabel : v === (q.max ?? 5) ? q.maxLabel : undefined;
            return { key: String(v), label: end ? `${v} – ${bi(end)}` : String(v) };
          })
        : options.map((o) => ({ key: o.key, label: bi(o.label) }));
    const selected = multiple
      ? ((value as string[] | undefined) ?? [])
      : value === undefined
        ? []
        : [String(value)];
    return (
      <fieldset className="question" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
        <legend>{legend}</legend>
        {extras}
        {choices.map((c) => (
          <label key={c.key} className="checkbox">
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={id}
              value={c.key}
              checked={selected.includes(c.key)}
              onChange={(e) => {
                if (q.type === 'scale') onChange(Number(c.key));
                else if (!multiple) onChange(c.key);
                else onChange(e.target.checked ? [...selected, c.key] : selected.filter((k) => k !== c.key));
              }}
            />{' '}
            {c.label}
          </label>
        ))}
      </fieldset>
    );
  }

  if (q.type === 'ranking') {
    const order = (value as string[] | undefined) ?? options.map((o) => o.key);
    const move = (from: number, to: number) => {
      const next = [...order];
      const [item] = next.splice(from, 1);
      if (item !== undefined) next.splice(to, 0, item);
      onChange(next);
    };
    return (
      <fieldset className="question" aria-describedby={describedBy}>
        <legend>{legend}</legend>
        <span className="field__hint">{t('survey.rankingHint')}</span>
        {extras}
        <ol className="ranking-list">
          {order.map((key, i) => {
            const label = bi(options.find((o) => o.key === key)?.label);
            return (
              <li key={key}>
                <span>{label}</span>
                <Button
                  variant="secondary"
                  disabled={i === 0}
                  onClick={() => move(i, i - 1)}
                  aria-label={t('survey.up', { item: label })}
                >
                  ↑
                </Button>
                <Button
                  variant="secondary"
                  disabled={i === order.length - 1}
                  onClick={() => move(i, i + 1)}
                  aria-label={t('survey.down', { item: label })}
                >
                  ↓
                </Button>
              </li>
            );
          })}
        </ol>
      </fieldset>
    );
  }

  return (
    <div className={error ? 'field field--invalid question' : 'field question'}>
      <label className="field__label" htmlFor={id}>
        {legend}
      </label>
      {extras}
      {q.type === 'text' ? (
        <textarea
          id={id}
          rows={4}
          maxLength={5000}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          value={(value as string | undefined) ?? ''}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          id={id}
          type={q.type === 'number' ? 'number' : 'date'}
          min={q.type === 'number' ? q.min : undefined}
          max={q.type === 'number' ? q.max : undefined}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          value={value === undefined ? '' : String(value)}
          onChange={(e) =>
            onChange(
              q.type === 'number'
                ? e.target.value === ''
                  ? undefined
                  : Number(e.target.value)
                : e.target.value || undefined,
            )
          }
        />
      )}
    </div>
  );
}

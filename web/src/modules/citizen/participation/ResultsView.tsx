import { useTranslation } from 'react-i18next';
import { BarChart } from '../../../ui/charts/index.ts';
import { type SurveyResults, useBi } from './shared.tsx';

/** A survey's results: one bar chart per question (each with its table), statistics, rankings, texts. */
export function ResultsView({ results }: { results: SurveyResults }) {
  const { t } = useTranslation('participation');
  const bi = useBi();
  return (
    <>
      <p>{t('results.participants', { count: results.participants })}</p>
      {results.questions.map((q) => (
        <section key={q.key} className="survey-card">
          <h2>{bi(q.label)}</h2>
          <p className="muted">{t('results.answered', { count: q.answered })}</p>
          {q.buckets.length > 0 && (
            <BarChart
              title={bi(q.label)}
              data={q.buckets.map((b) => ({ label: bi(b.label), value: b.count }))}
              valueLabel={t('results.count')}
              labelHeader={t('results.answer')}
              orientation="horizontal"
            />
          )}
          {q.stats && (
            <p>
              {t('results.stats', {
                mean: q.stats.mean,
                median: q.stats.median,
                min: q.stats.min,
                max: q.stats.max,
              })}
            </p>
          )}
          {q.ranking && (
            <>
              <h3>{t('results.ranking')}</h3>
              <ol>
                {q.ranking.map((r) => (
                  <li key={r.key}>
                    {bi(r.label)} ({t('results.meanPosition', { position: r.meanPosition })})
                  </li>
                ))}
              </ol>
            </>
          )}
          {q.texts && q.texts.length > 0 && (
            <details>
              <summary>{t('results.texts', { count: q.texts.length })}</summary>
              <ul>
                {q.texts.map((text, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: answers have no identity (anonymity).
                  <li key={i}>{text}</li>
                ))}
              </ul>
            </details>
          )}
        </section>
      ))}
    </>
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../../app/api.ts';
import { Alert } from '../../../../ui/Alert.tsx';
import { Button } from '../../../../ui/Button.tsx';
import { errorMessage } from '../../../../ui/errors.ts';
import { SelectField } from '../../../../ui/Field.tsx';
import { formatDateTime } from '../../../../ui/format.ts';
import { Loadable } from '../../../../ui/Loadable.tsx';

const REASONS = ['off_topic', 'personal_attack', 'personal_information', 'spam', 'illegal', 'other'] as const;
type Reason = (typeof REASONS)[number];

/** Contributions not yet reviewed: keep them, or remove them with a reason of the public policy. */
export function ModerationQueue({ orgId }: { orgId: string }) {
  const { t } = useTranslation('participation');
  const { t: common } = useTranslation();
  const client = useQueryClient();
  const [reasons, setReasons] = useState<Record<string, Reason>>({});
  const [problem, setProblem] = useState<unknown>(null);
  const query = useQuery({
    queryKey: ['participation', 'moderation', orgId],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/citizen/staff/consultation-moderation', { params: { path: { orgId } } }),
      ),
  });
  const decide = async (id: string, decision: 'keep' | 'hide') => {
    setProblem(null);
    try {
      await call(
        api.POST('/api/orgs/{orgId}/citizen/staff/consultation-contributions/{id}/moderation', {
          params: { path: { orgId, id } },
          body: { decision, ...(decision === 'hide' ? { reason: reasons[id] ?? 'other' } : {}) },
        }),
      );
      await client.invalidateQueries({ queryKey: ['participation', 'moderation'] });
    } catch (caught) {
      setProblem(caught);
    }
  };
  return (
    <>
      <h2>{t('moderation.title')}</h2>
      {problem !== null && <Alert tone="error">{errorMessage(problem, common)}</Alert>}
      <Loadable query={query}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('moderation.none')}</p>
          ) : (
            <ul className="plain-list">
              {items.map((c) => (
                <li key={c.id} className="issue-card">
                  {c.title && <strong>{c.title}</strong>}
                  <p>{c.body}</p>
                  <p className="muted">
                    {c.authorName} · {formatDateTime(c.createdAt)}
                  </p>
                  <SelectField
                    id={`reason-${c.id}`}
                    label={t('moderation.reason')}
                    value={reasons[c.id] ?? 'other'}
                    onChange={(e) => setReasons((r) => ({ ...r, [c.id]: e.target.value as Reason }))}
                  >
                    {REASONS.map((r) => (
                      <option key={r} value={r}>
                        {t(`consultations.reasons.${r}`)}
                      </option>
                    ))}
                  </SelectField>
                  <div className="inline-actions">
                    <Button variant="secondary" onClick={() => void decide(c.id, 'keep')}>
                      {t('moderation.keep')}
                    </Button>
                    <Button variant="danger" onClick={() => void decide(c.id, 'hide')}>
                      {t('moderation.hide')}
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </Loadable>
    </>
  );
}

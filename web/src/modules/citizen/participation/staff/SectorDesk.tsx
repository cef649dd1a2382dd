import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../../app/api.ts';
import { Alert } from '../../../../ui/Alert.tsx';
import { Button } from '../../../../ui/Button.tsx';
import { errorMessage } from '../../../../ui/errors.ts';
import { TextAreaField, TextField } from '../../../../ui/Field.tsx';
import { Loadable } from '../../../../ui/Loadable.tsx';
import { useMapTiles } from '../../../../ui/map/index.ts';
import { useBi } from '../shared.tsx';
import { formatPoints, parsePoints, useSectors } from './AlertAreaFields.tsx';
import { AreaDrawer, type LatLon } from './AreaDrawer.tsx';

/** The organisation's named sectors: draw a new one (map or coordinate list), or remove one. */
export function SectorDesk({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation('participation');
  const { t: common } = useTranslation();
  const bi = useBi();
  const tiles = useMapTiles();
  const client = useQueryClient();
  const sectors = useSectors(orgId);
  const [drawing, setDrawing] = useState(false);
  const [form, setForm] = useState({ fr: '', en: '', points: '' });
  const [problem, setProblem] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const points = useMemo(() => parsePoints(form.points), [form.points]);
  const english = i18n.language === 'en';
  const context = useMemo(
    () =>
      (sectors.data?.items ?? []).map((s) => ({
        label: english ? s.name.en : s.name.fr,
        points: s.points as LatLon[],
      })),
    [sectors.data, english],
  );
  const run = async (work: () => Promise<unknown>, done: string) => {
    setProblem(null);
    setMessage('');
    try {
      await work();
      setMessage(done);
      await client.invalidateQueries({ queryKey: ['participation', 'alert-sectors', orgId] });
      return true;
    } catch (caught) {
      setProblem(caught);
      return false;
    }
  };
  const save = async () => {
    const ok = await run(
      () =>
        call(
          api.POST('/api/orgs/{orgId}/citizen/staff/alerts/sectors', {
            params: { path: { orgId } },
            body: { name: { fr: form.fr, en: form.en }, points },
          }),
        ),
      t('sectors.saved'),
    );
    if (ok) {
      setForm({ fr: '', en: '', points: '' });
      setDrawing(false);
    }
  };
  return (
    <section aria-labelledby="sector-desk">
      <h2 id="sector-desk">{t('sectors.title')}</h2>
      {message && <Alert tone="success">{message}</Alert>}
      {problem !== null && <Alert tone="error">{errorMessage(problem, common)}</Alert>}
      <Loadable query={sectors}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('sectors.none')}</p>
          ) : (
            <ul>
              {items.map((s) => (
                <li key={s.id}>
                  {bi(s.name)}{' '}
                  <Button
                    variant="link"
                    aria-label={t('sectors.removeNamed', { name: bi(s.name) })}
                    onClick={() =>
                      void run(
                        () =>
                          call(
                            api.DELETE('/api/orgs/{orgId}/citizen/staff/alerts/sectors/{id}', {
                              params: { path: { orgId, id: s.id } },
                            }),
                          ),
                        t('sectors.removed'),
                      )
                    }
                  >
                    {t('sectors.remove')}
                  </Button>
                </li>
              ))}
            </ul>
          )
        }
      </Loadable>
      {drawing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <h3>{t('sectors.new')}</h3>
          <TextField
            id="s-fr"
            lang="fr"
            label={t('sectors.nameFr')}
            value={form.fr}
            onChange={(e) => setForm((f) => ({ ...f, fr: e.target.value }))}
            required
          />
          <TextField
            id="s-en"
            lang="en"
            label={t('sectors.nameEn')}
            value={form.en}
            onChange={(e) => setForm((f) => ({ ...f, en: e.target.value }))}
            required
          />
          <AreaDrawer
            caption={t('sectors.drawCaption')}
            points={points}
            onChange={(next) => setForm((f) => ({ ...f, points: formatPoints(next) }))}
            context={context}
            tiles={tiles}
          />
          <TextAreaField
            id="s-points"
            label={t('staffAlerts.points')}
            hint={t('staffAlerts.pointsHint')}
            rows={5}
            value={form.points}
            onChange={(e) => setForm((f) => ({ ...f, points: e.target.value }))}
          />
          <div className="inline-actions">
            <Button type="submit">{t('sectors.save')}</Button>
            <Button variant="secondary" onClick={() => setDrawing(false)}>
              {t('staffAlerts.cancelEdit')}
            </Button>
          </div>
        </form>
      ) : (
        <p>
          <Button variant="secondary" onClick={() => setDrawing(true)}>
            {t('sectors.new')}
          </Button>
        </p>
      )}
    </section>
  );
}

import type { TFunction } from 'i18next';
import { type CSSProperties, useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Organisation, orgName, useOrgs } from '../../app/org.tsx';
import { darkenForContrast } from '../../app/theme.ts';
import { Alert } from '../../ui/Alert.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { TextField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loadable.tsx';

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

interface Group {
  key: string;
  title: string;
  description: string;
  orgs: Organisation[];
}

/** Organisations grouped as people know them: each MRC with its member towns, then the other towns. */
function groupsOf(orgs: Organisation[], language: string, t: TFunction) {
  const mrcs = orgs.filter((o) => o.kind === 'mrc');
  const groups: Group[] = mrcs.map((mrc) => ({
    key: mrc.id,
    title: orgName(mrc, language),
    description: t('towns.mrcGroup'),
    orgs: [mrc, ...orgs.filter((o) => o.mrcId === mrc.id)],
  }));
  const grouped = new Set(groups.flatMap((g) => g.orgs.map((o) => o.id)));
  const others = orgs.filter((o) => !grouped.has(o.id));
  if (others.length)
    groups.unshift({ key: 'others', title: t('towns.otherTowns'), description: '', orgs: others });
  return groups;
}

/** The list of organisations to choose from, with a filter; the choice is remembered in this browser. */
export function TownChooser({ onChosen }: { onChosen?: (org: Organisation) => void }) {
  const { t, i18n } = useTranslation();
  const { orgs, loading, error, current, choose } = useOrgs();
  const [filter, setFilter] = useState('');
  const deferred = useDeferredValue(filter);
  const statusId = useId();

  if (loading) return <Loading />;
  if (error) return <Alert tone="error">{errorMessage(error, t)}</Alert>;

  const needle = fold(deferred.trim());
  const visible = needle
    ? orgs.filter((o) => fold(`${o.name.fr} ${o.name.en} ${o.geoCode}`).includes(needle))
    : orgs;
  const groups = groupsOf(visible, i18n.language, t);
  const partnersOf = (org: Organisation) =>
    org.partnerships
      .flatMap((p) => p.orgIds)
      .filter((id) => id !== org.id)
      .map((id) => orgs.find((o) => o.id === id))
      .filter((o): o is Organisation => o !== undefined);

  return (
    <div>
      <div className="form">
        <TextField
          id="town-filter"
          type="search"
          label={t('towns.filterLabel')}
          hint={t('towns.filterHint')}
          value={filter}
          autoComplete="off"
          aria-controls={statusId}
          onChange={(event) => setFilter(event.target.value)}
        />
      </div>
      <p id={statusId} className="visually-hidden" role="status">
        {t('towns.results', { count: visible.length })}
      </p>
      {visible.length === 0 && <p>{t('towns.none')}</p>}
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`group-${group.key}`}>
          <h2 id={`group-${group.key}`}>{group.title}</h2>
          {group.description && <p className="muted">{group.description}</p>}
          <ul className="card-grid">
            {group.orgs.map((org) => {
              const partners = partnersOf(org);
              const chosen = current?.id === org.id;
              const style = {
                '--town-colour': darkenForContrast(org.branding.primaryColor),
              } as CSSProperties;
              return (
                <li key={org.id}>
                  <button
                    type="button"
                    className="town-button"
                    style={style}
                    onClick={() => {
                      choose(org.slug);
                      onChosen?.(org);
                    }}
                  >
                    <span className="town-button__name">{orgName(org, i18n.language)}</span>
                    <span className="town-button__meta">
                      {org.kind === 'mrc' ? t('towns.kindMrc') : t('towns.kindTown')} ·{' '}
                      {t('towns.geoCode', { code: org.geoCode })}
                    </span>
                    {partners.length > 0 && (
                      <span className="town-button__meta">
                        {t('towns.partners', {
                          names: partners.map((p) => orgName(p, i18n.language)).join(', '),
                        })}
                      </span>
                    )}
                    {chosen && <span className="badge badge--ok">{t('towns.chosen')}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

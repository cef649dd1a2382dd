import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type Organisation, useOrgs } from '../../../app/org.tsx';
import { SectionNav } from '../../../ui/SectionNav.tsx';

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const SHIFTS = ['day', 'evening', 'night'] as const;
export type Slot = `${(typeof DAYS)[number]}:${(typeof SHIFTS)[number]}`;

/** A town by its slug (public and employee pages), chosen as the current town. */
export function useTown(slug: string | undefined): { town: Organisation | undefined; loading: boolean } {
  const { orgs, loading, current, choose } = useOrgs();
  const town = orgs.find((o) => o.slug === slug);
  useEffect(() => {
    if (town && current?.slug !== town.slug) choose(town.slug);
  }, [town, current, choose]);
  return { town, loading };
}

/** The staff navigation of the call-back list. */
export function CallbackNav({ base }: { base: string }) {
  const { t } = useTranslation('callback');
  const root = `${base}/modules/operations/callback`;
  return (
    <SectionNav
      label={t('title')}
      groups={[
        {
          links: [
            { to: root, label: t('nav.board'), end: true },
            { to: `${root}/employees`, label: t('nav.employees') },
            { to: `${root}/rules`, label: t('nav.rules') },
            { to: `${root}/reports`, label: t('nav.reports') },
          ],
        },
      ]}
    />
  );
}

/** Translates a code the server sends (status, reason, event) within a group of the catalogue. */
export function useCode() {
  const { t } = useTranslation('callback');
  return (
    group: 'status' | 'reason' | 'kind' | 'via' | 'outcome' | 'channel',
    code: string | null | undefined,
  ) => {
    if (!code) return '';
    const key = `${group}.${code}`;
    // Codes unknown to this version of the catalogue show as they are.
    const text = t(key as never, { defaultValue: code });
    return typeof text === 'string' ? text : code;
  };
}

/** A status shown as a badge (text, not colour alone, carries the meaning). */
export function StatusBadge({ status }: { status: string }) {
  const code = useCode();
  const tone = ['filled', 'accepted'].includes(status)
    ? 'done'
    : ['open', 'pending'].includes(status)
      ? 'open'
      : 'stopped';
  return <span className={`callback-status callback-status--${tone}`}>{code('status', status)}</span>;
}

/**
 * The week's availabilities as a grid of checkboxes, one row per day and one column per shift; every box
 * is named by its day and shift for screen readers.
 */
export function AvailabilityGrid({
  idPrefix,
  value,
  onChange,
  readOnly = false,
}: {
  idPrefix: string;
  value: readonly string[];
  onChange?: (next: string[]) => void;
  readOnly?: boolean;
}) {
  const { t } = useTranslation('callback');
  const toggle = (slot: Slot) =>
    onChange?.(value.includes(slot) ? value.filter((s) => s !== slot) : [...value, slot]);
  return (
    <div className="callback-grid-wrap">
      <table className="callback-grid">
        <caption>{t('grid.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('grid.day')}</th>
            {SHIFTS.map((s) => (
              <th scope="col" key={s}>
                {t(`shifts.${s}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {DAYS.map((d) => (
            <tr key={d}>
              <th scope="row">{t(`days.${d}`)}</th>
              {SHIFTS.map((s) => {
                const slot = `${d}:${s}` as Slot;
                const id = `${idPrefix}-${d}-${s}`;
                return (
                  <td key={s}>
                    <input
                      type="checkbox"
                      id={id}
                      checked={value.includes(slot)}
                      disabled={readOnly}
                      onChange={() => toggle(slot)}
                      aria-label={`${t(`days.${d}`)} — ${t(`shifts.${s}`)}`}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A comma-separated list typed by staff, cleaned. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  ];
}

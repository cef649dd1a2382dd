import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../app/api.ts';

/** The rider's holdings; keyed under the trips' key so a booking or cancellation refreshes them too. */
export function useFareHoldings(orgId: string, enabled = true) {
  return useQuery({
    queryKey: ['transit', orgId, 'mine', 'fares'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/transit/fares/mine', { params: { path: { orgId } } })),
    enabled: !!orgId && enabled,
  });
}

/**
 * How the rider pays the trip being booked: online, or with an active booklet that has enough rides or
 * an active pass (`''` means online), with a link to buy one.
 */
export function FareChoice({
  id,
  orgId,
  passengers,
  value,
  onChange,
}: {
  id: string;
  orgId: string;
  passengers: number;
  value: string;
  onChange: (holdingId: string) => void;
}) {
  const { t, i18n } = useTranslation('transit');
  const { orgSlug } = useParams();
  const holdings = useFareHoldings(orgId);
  const usable = (holdings.data?.items ?? []).filter(
    (h) =>
      h.status === 'active' &&
      ((h.kind === 'booklet' && (h.ridesLeft ?? 0) >= passengers) || h.kind === 'monthly_pass'),
  );
  const member = (holdings.data?.items ?? []).some((h) => h.status === 'active' && h.kind === 'membership');
  const chosen = usable.some((h) => h.id === value) ? value : '';
  // A holding that no longer fits (party grew, rides used elsewhere) falls back to paying online.
  useEffect(() => {
    if (value !== chosen) onChange(chosen);
  }, [value, chosen, onChange]);
  return (
    <fieldset className="transit-fare-choice">
      <legend>{t('fares.payWith')}</legend>
      <label className="choice">
        <input
          type="radio"
          name={`${id}-pay`}
          value=""
          checked={chosen === ''}
          onChange={() => onChange('')}
        />{' '}
        {member ? t('fares.payOnlineMember') : t('fares.payOnline')}
      </label>
      {usable.map((h) => (
        <label className="choice" key={h.id}>
          <input
            type="radio"
            name={`${id}-pay`}
            value={h.id}
            checked={chosen === h.id}
            onChange={() => onChange(h.id)}
          />{' '}
          {i18n.language === 'en' ? h.product.nameEn : h.product.nameFr} —{' '}
          {h.kind === 'booklet'
            ? t('fares.ridesLeft', { left: h.ridesLeft ?? 0, total: h.ridesTotal ?? 0 })
            : t('fares.passCovers', { until: h.validUntil ?? '' })}
        </label>
      ))}
      <p className="field__hint">
        <Link to={`/${orgSlug}/transit/fares`}>{t('fares.link')}</Link>
      </p>
    </fieldset>
  );
}

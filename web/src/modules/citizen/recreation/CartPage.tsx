import './recreation.css';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type ApiData, ApiError, api, call } from '../../../app/api.ts';
import { orgName } from '../../../app/org.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { queueTicketKey, useBi, useCart, useMoney, useTown } from './shared.tsx';

type Result = ApiData<'/api/citizen/orgs/{orgId}/checkout', 'post'>;
type ItemProblem = { index: number; activityId: string; personId: string; message: string };

function itemProblems(error: unknown): ItemProblem[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details as { items?: ItemProblem[] } | undefined;
  return Array.isArray(details?.items) ? details.items : [];
}

function ticketFor(seasonIds: string[]): string | undefined {
  for (const id of seasonIds) {
    try {
      const token = localStorage.getItem(queueTicketKey(id));
      if (token) return token;
    } catch {
      // No storage: the cookie carries the ticket.
    }
  }
  return undefined;
}

/**
 * The cart: several activities for several members of the household, registered in one step. Every rule
 * is checked at once and each problem shown next to its line; the cart stays as it was until it succeeds.
 */
export function CartPage() {
  const { t, i18n } = useTranslation('citizen');
  const { t: common } = useTranslation();
  const bi = useBi();
  const money = useMoney();
  const id = useId();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { orgSlug } = useParams();
  const { town, loading } = useTown(orgSlug);
  const cart = useCart(town?.id);
  const [waitlist, setWaitlist] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<Result | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  // One key per attempt, kept across retries of the same cart (a lost answer is not a second registration).
  const attempt = useRef<{ key: string; body: string } | null>(null);
  if (loading || !town) return <Loading />;

  const confirm = async () => {
    if (pending || cart.lines.length === 0) return;
    setPending(true);
    setError(null);
    const items = cart.lines.map((l) => ({ activityId: l.activityId, personId: l.personId }));
    const body = JSON.stringify({ items, acceptWaitlist: waitlist });
    if (!attempt.current || attempt.current.body !== body)
      attempt.current = { key: crypto.randomUUID(), body };
    const seasons = [...new Set(cart.lines.map((l) => l.seasonId))];
    const ticket = ticketFor(seasons);
    try {
      const done = await call(
        api.POST('/api/citizen/orgs/{orgId}/checkout', {
          params: { path: { orgId: town.id } },
          body: { items, acceptWaitlist: waitlist },
          headers: { 'Idempotency-Key': attempt.current.key, ...(ticket ? { 'X-Queue-Token': ticket } : {}) },
        }),
      );
      attempt.current = null;
      cart.clear();
      setResult(done);
      await client.invalidateQueries({ queryKey: ['citizen'] });
    } catch (caught) {
      if (
        caught instanceof ApiError &&
        caught.code.startsWith('waiting_room.') &&
        caught.code !== 'waiting_room.closed'
      ) {
        const seasonId = (caught.details as { seasonId?: string } | undefined)?.seasonId ?? seasons[0];
        navigate(`/${town.slug}/waiting-room/${seasonId}`);
        return;
      }
      if (caught instanceof ApiError && caught.status !== 0) attempt.current = null;
      setError(caught);
      requestAnimationFrame(() => errorRef.current?.focus());
    } finally {
      setPending(false);
    }
  };

  const problems = itemProblems(error);
  const problemOf = (index: number) => problems.filter((p) => p.index === index);

  if (result) {
    const held = result.registrations.filter((r) => r.status === 'pending_payment');
    const waiting = result.registrations.filter((r) => r.status === 'waitlisted');
    return (
      <Page title={t('registrations.doneTitle')}>
        <Alert tone="success" title={t('registrations.doneLead', { count: result.registrations.length })}>
          <ul>
            {result.registrations.map((r) => (
              <li key={r.id}>
                {r.givenName} {r.familyName} — {t(`registrations.statuses.${r.status}`)}
                {r.waitlistPosition !== null && r.status === 'waitlisted'
                  ? ` (${t('registrations.position', { position: r.waitlistPosition })})`
                  : ''}
              </li>
            ))}
          </ul>
        </Alert>
        {result.order && held.length > 0 && (
          <>
            <p>{t('registrations.payWithin', { total: money(result.order.totalCents) })}</p>
            <p>
              <Link className="btn btn--primary" to={`/account/orders/${result.order.id}?orgId=${town.id}`}>
                {t('registrations.payNow', { total: money(result.order.totalCents) })}
              </Link>
            </p>
          </>
        )}
        {waiting.length > 0 && <p>{t('registrations.waitlistExplained')}</p>}
        <p>
          <Link to={`/${town.slug}/registrations`}>{t('registrations.mineLink')}</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={t('registrations.cartTitle', { town: orgName(town, i18n.language) })}>
      {error !== null && (
        <div
          className="error-summary"
          ref={errorRef}
          tabIndex={-1}
          role="alert"
          aria-labelledby={`${id}-error`}
        >
          <h2 id={`${id}-error`}>{t('registrations.cartProblems')}</h2>
          {problems.length > 0 ? (
            <ul>
              {problems.map((p) => (
                <li key={`${p.index}-${p.message}`}>
                  <a href={`#${id}-line-${p.index}`}>{p.message}</a>
                </li>
              ))}
            </ul>
          ) : (
            <p>{errorMessage(error, common)}</p>
          )}
          <p>{t('registrations.cartKept')}</p>
        </div>
      )}
      {cart.lines.length === 0 ? (
        <>
          <p>{t('registrations.cartEmpty')}</p>
          <p>
            <Link to={`/${town.slug}/activities`}>{t('registrations.browse')}</Link>
          </p>
        </>
      ) : (
        <>
          <ul className="plain-list" aria-label={t('registrations.cartLines')}>
            {cart.lines.map((line, index) => (
              <li
                key={`${line.activityId}-${line.personId}`}
                id={`${id}-line-${index}`}
                className="cart-line"
                tabIndex={-1}
              >
                <span>
                  <strong>{bi(line.activity)}</strong> — {line.person}
                  {problemOf(index).map((p) => (
                    <span key={p.message} className="field__error" style={{ display: 'block' }}>
                      {p.message}
                    </span>
                  ))}
                </span>
                <Button
                  variant="secondary"
                  onClick={() => cart.remove(line)}
                  aria-label={t('registrations.removeNamed', { title: bi(line.activity), name: line.person })}
                >
                  {t('registrations.remove')}
                </Button>
              </li>
            ))}
          </ul>
          <div className="checkbox">
            <input
              id={`${id}-waitlist`}
              type="checkbox"
              checked={waitlist}
              onChange={(e) => setWaitlist(e.target.checked)}
            />
            <label htmlFor={`${id}-waitlist`}>{t('registrations.acceptWaitlist')}</label>
          </div>
          <p className="muted">{t('registrations.confirmHint')}</p>
          <div className="btn-row">
            <Button onClick={confirm} busy={pending}>
              {t('registrations.confirm')}
            </Button>
            <Link to={`/${town.slug}/activities`}>{t('registrations.keepBrowsing')}</Link>
          </div>
        </>
      )}
    </Page>
  );
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api, call } from '../../../app/api.ts';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Loadable } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Pagination } from '../../../ui/Pagination.tsx';
import { Table } from '../../../ui/Table.tsx';
import { useForm } from '../../../ui/useForm.ts';
import { categoryName } from '../../account/notifications/InboxPage.tsx';
import { useStaff } from '../context.ts';
import { withFormFields } from '../form-errors.ts';

// Account messages are transactional: the server refuses them in a mass send.
const CATEGORIES = [
  'emergency',
  'recreation',
  'requests',
  'transit',
  'jobs',
  'newsletters',
  'payments',
  'participation',
] as const;
type Category = (typeof CATEGORIES)[number];
const URGENCIES = ['low', 'normal', 'high'] as const;
// The API names nested fields (subject.fr); the form's are flat.
const CAMPAIGN_FIELDS = {
  'subject.fr': 'subjectFr',
  'subject.en': 'subjectEn',
  'body.fr': 'bodyFr',
  'body.en': 'bodyEn',
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function problem(field: string, message: string): ApiError {
  return new ApiError(400, 'validation', message, { fields: [{ field, rule: 'format', message }] });
}

/** Writing a bilingual message and choosing its recipients among the staff, or by account id. */
function CampaignForm() {
  const { t } = useTranslation();
  const { org, base } = useStaff();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const staff = useQuery({
    queryKey: ['staff', org.id],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/staff', { params: { path: { orgId: org.id } } })),
  });
  const form = useForm('campaign', {
    category: 'newsletters',
    urgency: 'normal',
    subjectFr: '',
    subjectEn: '',
    bodyFr: '',
    bodyEn: '',
    url: '',
    accountIds: '',
  });
  const submit = form.handleSubmit(async (v) => {
    const typed = v.accountIds
      .split(/[\s,;]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const wrong = typed.find((id) => !UUID.test(id));
    if (wrong) throw problem('accountIds', t('campaigns.idInvalid', { id: wrong }));
    const accountIds = [...new Set([...chosen, ...typed])];
    if (accountIds.length === 0) throw problem('accountIds', t('campaigns.noRecipients'));
    const category = (CATEGORIES as readonly string[]).includes(v.category)
      ? (v.category as Category)
      : 'newsletters';
    const urgency = v.urgency === 'low' ? 'low' : v.urgency === 'high' ? 'high' : 'normal';
    const started = await withFormFields(CAMPAIGN_FIELDS, () =>
      call(
        api.POST('/api/orgs/{orgId}/notify/campaigns', {
          params: { path: { orgId: org.id } },
          body: {
            category,
            urgency,
            subject: { fr: v.subjectFr.trim(), en: v.subjectEn.trim() },
            body: { fr: v.bodyFr.trim(), en: v.bodyEn.trim() },
            ...(v.url.trim() ? { url: v.url.trim() } : {}),
            accountIds,
          },
        }),
      ),
    );
    navigate(`${base}/campaigns/${started.id}`);
  });
  const toggle = (id: string) =>
    setChosen((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <form className="form staff-form-section" onSubmit={submit} noValidate aria-labelledby="campaign-new">
      <h2 id="campaign-new">{t('campaigns.newTitle')}</h2>
      <ErrorSummary error={form.error} fields={form.summaryFields()} />
      <div className="two-columns">
        <SelectField {...form.field('category', t('campaigns.category'))} hint={t('campaigns.categoryHint')}>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {categoryName(t, c)}
            </option>
          ))}
        </SelectField>
        <SelectField {...form.field('urgency', t('campaigns.urgency'))}>
          {URGENCIES.map((u) => (
            <option key={u} value={u}>
              {t(`campaigns.urgencies.${u}`)}
            </option>
          ))}
        </SelectField>
        <TextField {...form.field('subjectFr', t('campaigns.subjectFr'))} lang="fr" maxLength={200} />
        <TextField {...form.field('subjectEn', t('campaigns.subjectEn'))} lang="en" maxLength={200} />
        <TextAreaField {...form.field('bodyFr', t('campaigns.bodyFr'))} lang="fr" />
        <TextAreaField {...form.field('bodyEn', t('campaigns.bodyEn'))} lang="en" />
      </div>
      <TextField
        {...form.field('url', t('campaigns.url'))}
        optional
        hint={t('campaigns.urlHint')}
        spellCheck={false}
      />
      <fieldset>
        <legend>{t('campaigns.staffLegend')}</legend>
        <Loadable query={staff}>
          {(members) => (
            <ul className="checkbox-list">
              {members.map((m) => (
                <li key={m.accountId}>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={chosen.has(m.accountId)}
                      onChange={() => toggle(m.accountId)}
                    />
                    <span>
                      {m.givenName} {m.familyName}{' '}
                      <span className="muted">({m.roles.map((r) => t(`roles.${r}`)).join(', ')})</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </Loadable>
      </fieldset>
      <TextAreaField
        {...form.field('accountIds', t('campaigns.accountIds'))}
        optional
        hint={t('campaigns.accountIdsHint')}
        spellCheck={false}
      />
      <p aria-live="polite">
        {t('campaigns.recipientCount', {
          count: new Set([...chosen, ...form.values.accountIds.split(/[\s,;]+/).filter((s) => UUID.test(s))])
            .size,
        })}
      </p>
      <Button type="submit" busy={form.pending}>
        {t('campaigns.send')}
      </Button>
    </form>
  );
}

/** Mass sends of the organisation with their progress; administrators write new ones here. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const { org, base, isAdmin } = useStaff();
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = useQuery({
    queryKey: ['campaigns', org.id, page],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/notify/campaigns', {
          params: { path: { orgId: org.id }, query: { page, perPage: 20 } },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: (q) =>
      q.state.data?.items.some((c) => c.processed < c.total || c.queued > 0) ? 3000 : false,
  });
  return (
    <Page title={t('staff.campaigns')}>
      <p>{t('campaigns.intro')}</p>
      {isAdmin && <CampaignForm />}
      <h2>{t('campaigns.listTitle')}</h2>
      <Loadable query={query}>
        {(result) =>
          result.items.length === 0 ? (
            <p>{t('campaigns.none')}</p>
          ) : (
            <>
              <Table
                caption={t('campaigns.caption', { total: result.total })}
                captionHidden
                rows={result.items}
                rowKey={(c) => c.id}
                columns={[
                  {
                    key: 'title',
                    header: t('campaigns.subject'),
                    rowHeader: true,
                    render: (c) => <Link to={`${base}/campaigns/${c.id}`}>{c.title}</Link>,
                  },
                  {
                    key: 'category',
                    header: t('campaigns.category'),
                    render: (c) => categoryName(t, c.category),
                  },
                  {
                    key: 'date',
                    header: t('campaigns.createdAt'),
                    nowrap: true,
                    render: (c) => formatDateTime(c.createdAt),
                  },
                  { key: 'total', header: t('campaigns.recipients'), render: (c) => c.total },
                  {
                    key: 'progress',
                    header: t('campaigns.progress'),
                    nowrap: true,
                    render: (c) => (c.done ? t('campaigns.done') : `${c.percent} %`),
                  },
                ]}
              />
              <Pagination
                page={result.page}
                perPage={result.perPage}
                total={result.total}
                hrefFor={(p) => `${base}/campaigns?page=${p}`}
              />
            </>
          )
        }
      </Loadable>
    </Page>
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import { Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Table } from '../../../ui/Table.tsx';
import { useForm } from '../../../ui/useForm.ts';
import { useRegion, useWhen } from './shared.tsx';

const EMPTY = {
  slug: '',
  kind: 'page',
  section: '',
  menuOrder: '0',
  titleFr: '',
  titleEn: '',
  summaryFr: '',
  summaryEn: '',
  bodyFr: '',
  bodyEn: '',
  imageFileId: '',
  imageAltFr: '',
  imageAltEn: '',
  eventStartsAt: '',
  eventEndsAt: '',
  eventLocation: '',
  eventAddress: '',
  note: '',
};
type Values = typeof EMPTY;

const toLocalInput = (iso: string | null) =>
  iso
    ? new Date(new Date(iso).getTime() - new Date(iso).getTimezoneOffset() * 60_000)
        .toISOString()
        .slice(0, 16)
    : '';
const fromLocalInput = (v: string) => (v ? new Date(v).toISOString() : null);

/** Editing one page, news item or event: save drafts, preview, publish, and the revision history with restore. */
export function PageEditorPage() {
  const { t } = useTranslation('region');
  const { orgSlug, pageId } = useParams();
  const { region } = useRegion(orgSlug);
  const orgId = region?.id ?? '';
  const id = useId();
  const when = useWhen();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [inMenu, setInMenu] = useState(false);
  const [notice, setNotice] = useState('');
  const form = useForm<Values>('page', EMPTY);
  const detail = useQuery({
    queryKey: ['region', orgId, 'page', pageId],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/region/pages/{pageId}', {
          params: { path: { orgId, pageId: pageId ?? '' } },
        }),
      ),
    enabled: !!orgId && !!pageId,
  });
  const loaded = detail.data?.page;
  const { setValues } = form;
  useEffect(() => {
    if (!loaded) return;
    const d = loaded.draft;
    setInMenu(loaded.inMenu);
    setValues({
      slug: loaded.slug,
      kind: loaded.kind,
      section: loaded.section ?? '',
      menuOrder: String(loaded.menuOrder),
      titleFr: d.titleFr,
      titleEn: d.titleEn,
      summaryFr: d.summaryFr,
      summaryEn: d.summaryEn,
      bodyFr: d.bodyFr,
      bodyEn: d.bodyEn,
      imageFileId: d.imageFileId ?? '',
      imageAltFr: d.imageAltFr ?? '',
      imageAltEn: d.imageAltEn ?? '',
      eventStartsAt: toLocalInput(d.eventStartsAt),
      eventEndsAt: toLocalInput(d.eventEndsAt),
      eventLocation: d.eventLocation ?? '',
      eventAddress: d.eventAddress ?? '',
      note: '',
    });
  }, [loaded, setValues]);
  if (!region || (pageId && !detail.data)) return <Loading />;
  const base = `/staff/${region.slug}/modules/attraction/site`;
  const refresh = () => queries.invalidateQueries({ queryKey: ['region', orgId] });
  const save = form.handleSubmit(async (v) => {
    const body = {
      slug: v.slug,
      kind: v.kind as 'page',
      section: v.section || null,
      inMenu,
      menuOrder: Number(v.menuOrder) || 0,
      titleFr: v.titleFr,
      titleEn: v.titleEn,
      summaryFr: v.summaryFr,
      summaryEn: v.summaryEn,
      bodyFr: v.bodyFr,
      bodyEn: v.bodyEn,
      imageFileId: v.imageFileId || null,
      imageAltFr: v.imageAltFr || null,
      imageAltEn: v.imageAltEn || null,
      eventStartsAt: v.kind === 'event' ? fromLocalInput(v.eventStartsAt) : null,
      eventEndsAt: v.kind === 'event' ? fromLocalInput(v.eventEndsAt) : null,
      eventLocation: v.eventLocation || null,
      eventAddress: v.eventAddress || null,
      note: v.note || null,
      ...(loaded ? { baseRevision: loaded.latestRevision } : {}),
    };
    const saved = pageId
      ? await call(
          api.PUT('/api/orgs/{orgId}/region/pages/{pageId}', { params: { path: { orgId, pageId } }, body }),
        )
      : await call(api.POST('/api/orgs/{orgId}/region/pages', { params: { path: { orgId } }, body }));
    setNotice(t('editor.saved', { n: saved.latestRevision }));
    await refresh();
    if (!pageId) navigate(`${base}/pages/${saved.id}`);
  });
  const act = form.handleSubmit(async () => {
    if (!pageId) return;
    const res = await call(
      api.POST('/api/orgs/{orgId}/region/pages/{pageId}/publish', {
        params: { path: { orgId, pageId } },
        body: {},
      }),
    );
    setNotice(t('editor.publishedOk', { n: res.publishedRevision ?? 0 }));
    await refresh();
  });
  const unpublish = form.handleSubmit(async () => {
    if (!pageId) return;
    await call(
      api.POST('/api/orgs/{orgId}/region/pages/{pageId}/unpublish', { params: { path: { orgId, pageId } } }),
    );
    await refresh();
  });
  const restore = (n: number) =>
    form.handleSubmit(async () => {
      if (!pageId) return;
      const res = await call(
        api.POST('/api/orgs/{orgId}/region/pages/{pageId}/restore', {
          params: { path: { orgId, pageId } },
          body: { revision: n },
        }),
      );
      setNotice(t('editor.restored', { from: n, n: res.latestRevision }));
      await refresh();
    })();
  const upload = async (list: FileList | null) => {
    const chosen = list?.[0];
    if (!chosen) return;
    const body = new FormData();
    body.append('purpose', 'region.image');
    body.append('file', chosen, chosen.name);
    try {
      const stored = await call(
        api.POST('/api/files/{orgId}', {
          params: { path: { orgId } },
          body: body as never,
          bodySerializer: (b: unknown) => b as FormData,
        }),
      );
      form.set('imageFileId', stored.id);
      setNotice(t('editor.uploaded', { id: stored.id }));
    } catch (caught) {
      form.setError(caught);
    }
  };
  const title = loaded ? t('editor.titleEdit', { title: loaded.draft.titleFr }) : t('editor.titleNew');
  type Rev = NonNullable<typeof detail.data>['revisions'][number];
  return (
    <Page title={title}>
      <p>
        <Link to={base}>{t('editor.back')}</Link>
      </p>
      {notice && <Alert tone="success">{notice}</Alert>}
      <form onSubmit={save} noValidate>
        <ErrorSummary error={form.error} fields={form.summaryFields()} />
        <SelectField {...form.field('kind', t('staff.kind'))}>
          <option value="page">{t('staff.kinds.page')}</option>
          <option value="news">{t('staff.kinds.news')}</option>
          <option value="event">{t('staff.kinds.event')}</option>
        </SelectField>
        <TextField {...form.field('slug', t('editor.slug'))} hint={t('editor.slugHint')} required />
        <TextField {...form.field('section', t('editor.section'))} optional />
        <label htmlFor={`${id}-menu`} className="region-check">
          <input
            id={`${id}-menu`}
            type="checkbox"
            checked={inMenu}
            onChange={(e) => setInMenu(e.target.checked)}
          />
          {t('editor.inMenu')}
        </label>
        <TextField
          {...form.field('menuOrder', t('editor.menuOrder'))}
          type="number"
          min={0}
          max={999}
          inputSize="short"
        />
        <fieldset>
          <legend>{t('editor.french')}</legend>
          <TextField {...form.field('titleFr', `${t('editor.titleField')} (FR)`)} required />
          <TextAreaField {...form.field('summaryFr', `${t('editor.summary')} (FR)`)} rows={2} />
          <TextAreaField
            {...form.field('bodyFr', `${t('editor.body')} (FR)`)}
            hint={t('editor.bodyHint')}
            rows={12}
            className="region-body"
          />
          <TextField {...form.field('imageAltFr', `${t('editor.imageAlt')} (FR)`)} optional />
        </fieldset>
        <fieldset>
          <legend>{t('editor.english')}</legend>
          <TextField {...form.field('titleEn', `${t('editor.titleField')} (EN)`)} required />
          <TextAreaField {...form.field('summaryEn', `${t('editor.summary')} (EN)`)} rows={2} />
          <TextAreaField
            {...form.field('bodyEn', `${t('editor.body')} (EN)`)}
            hint={t('editor.bodyHint')}
            rows={12}
            className="region-body"
          />
          <TextField {...form.field('imageAltEn', `${t('editor.imageAlt')} (EN)`)} optional />
        </fieldset>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-upload`}>
            {t('editor.upload')}
          </label>
          <input
            id={`${id}-upload`}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            onChange={(e) => upload(e.target.files)}
          />
        </div>
        <TextField {...form.field('imageFileId', t('editor.image'))} hint={t('editor.imageHint')} optional />
        {form.values.kind === 'event' && (
          <fieldset>
            <legend>{t('staff.kinds.event')}</legend>
            <TextField
              {...form.field('eventStartsAt', t('editor.eventStart'))}
              type="datetime-local"
              required
            />
            <TextField {...form.field('eventEndsAt', t('editor.eventEnd'))} type="datetime-local" optional />
            <TextField {...form.field('eventLocation', t('editor.eventLocation'))} optional />
            <TextField {...form.field('eventAddress', t('editor.eventAddress'))} optional />
          </fieldset>
        )}
        <TextField {...form.field('note', t('editor.note'))} optional />
        <div className="region-actions">
          <Button type="submit" busy={form.pending}>
            {t('editor.save')}
          </Button>
          {pageId && (
            <>
              <a href={`/api/orgs/${orgId}/region/pages/${pageId}/preview`} target="_blank" rel="noopener">
                {t('editor.preview')}
              </a>
              <Button variant="secondary" onClick={() => act()} busy={form.pending}>
                {t('editor.publish')}
              </Button>
              {loaded?.publishedRevision && (
                <Button variant="danger" onClick={() => unpublish()} busy={form.pending}>
                  {t('editor.unpublish')}
                </Button>
              )}
            </>
          )}
        </div>
      </form>
      {detail.data && (
        <Table<Rev>
          caption={t('editor.revisions')}
          rows={detail.data.revisions}
          rowKey={(r) => String(r.number)}
          columns={[
            {
              key: 'n',
              header: t('editor.revision'),
              rowHeader: true,
              render: (r) =>
                [
                  String(r.number),
                  r.published ? t('editor.isPublished') : '',
                  r.restoredFrom ? t('editor.restoredFrom', { n: r.restoredFrom }) : '',
                ]
                  .filter(Boolean)
                  .join(' — '),
            },
            { key: 'date', header: t('editor.date'), render: (r) => when(r.createdAt) },
            { key: 'author', header: t('editor.author'), render: (r) => r.author ?? '—' },
            { key: 'note', header: t('editor.note'), render: (r) => r.note ?? '' },
            {
              key: 'act',
              header: t('editor.revision'),
              render: (r) => (
                <span className="region-actions">
                  <a
                    href={`/api/orgs/${orgId}/region/pages/${pageId}/preview?revision=${r.number}`}
                    target="_blank"
                    rel="noopener"
                  >
                    {t('editor.preview')}
                  </a>
                  {r.number !== detail.data?.page.latestRevision && (
                    <Button variant="link" onClick={() => restore(r.number)}>
                      {t('editor.restore', { n: r.number })}
                    </Button>
                  )}
                </span>
              ),
            },
          ]}
        />
      )}
    </Page>
  );
}

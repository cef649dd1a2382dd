import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../../app/api.ts';
import { Button } from '../../../../ui/Button.tsx';
import { TextAreaField, TextField } from '../../../../ui/Field.tsx';
import { Loading } from '../../../../ui/Loadable.tsx';
import { useForm } from '../../../../ui/useForm.ts';
import { useBi } from '../shared.tsx';
import { ContactSlots } from './ContactSlots.tsx';
import { StaffListEditor, useStaffEditor } from './StaffListEditor.tsx';

// The same topics and languages as the public directory's filters.
const TOPICS = [
  'immigration',
  'housing',
  'employment',
  'daycare',
  'schools',
  'health',
  'transport',
  'culture',
  'business',
];
const LANGUAGES = ['fr', 'en', 'es', 'ar', 'pt', 'wo'];
const EMPTY = { slug: '', name: '', roleFr: '', roleEn: '', bioFr: '', bioEn: '', email: '' };

/** A group of checkboxes for a list of codes. */
function Choices({
  legend,
  id,
  codes,
  chosen,
  label,
  onChange,
}: {
  legend: string;
  id: string;
  codes: string[];
  chosen: string[];
  label: (code: string) => string;
  onChange: (next: string[]) => void;
}) {
  return (
    <fieldset className="region-filters" id={id} tabIndex={-1}>
      <legend>{legend}</legend>
      {codes.map((c) => (
        <div className="checkbox" key={c}>
          <input
            id={`${id}-${c}`}
            type="checkbox"
            checked={chosen.includes(c)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, c] : chosen.filter((x) => x !== c))}
          />
          <label htmlFor={`${id}-${c}`}>{label(c)}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** MRC staff: resource people (the routed address stays staff-only) and each one's appointment slots. */
export function StaffContactsPage() {
  const { t } = useTranslation('region');
  const { region, loading, orgId, editing, setEditing, notice, setNotice, refresh } = useStaffEditor();
  const bi = useBi();
  const [slotsOf, setSlotsOf] = useState<{ id: string; name: string } | null>(null);
  const [topics, setTopics] = useState<string[]>([]);
  const [languages, setLanguages] = useState<string[]>(['fr']);
  const [active, setActive] = useState(true);
  const form = useForm('contact', EMPTY, { 'region.slug_taken': 'slug' });
  const contacts = useQuery({
    queryKey: ['region', orgId, 'staff-contacts'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/region/staff/contacts', { params: { path: { orgId } } })),
    enabled: !!orgId,
  });
  if (loading || !region || !contacts.data) return <Loading />;
  type Row = (typeof contacts.data.items)[number];
  const reset = () => {
    setEditing(null);
    setTopics([]);
    setLanguages(['fr']);
    setActive(true);
    form.setValues(EMPTY);
    form.setError(null);
  };
  const edit = (c: Row) => {
    setEditing(c.id);
    setTopics(c.topics);
    setLanguages(c.languages);
    setActive(c.active);
    setNotice('');
    form.setError(null);
    form.setValues({
      slug: c.slug,
      name: c.name,
      roleFr: c.role.fr,
      roleEn: c.role.en,
      bioFr: c.bio.fr,
      bioEn: c.bio.en,
      email: c.email,
    });
    document.getElementById('contact-form')?.focus();
  };
  const save = form.handleSubmit(async (v) => {
    const body = { ...v, topics, languages, active };
    const saved = editing
      ? await call(
          api.PUT('/api/orgs/{orgId}/region/staff/contacts/{contactId}', {
            params: { path: { orgId, contactId: editing } },
            body,
          }),
        )
      : await call(
          api.POST('/api/orgs/{orgId}/region/staff/contacts', { params: { path: { orgId } }, body }),
        );
    setNotice(t('staffContacts.saved', { name: saved.name }));
    reset();
    await refresh();
  });
  return (
    <StaffListEditor<Row>
      title={t('staffContacts.title')}
      links={[
        { to: `/staff/${region.slug}/modules/attraction/site`, label: t('staff.title') },
        { to: `/${region.slug}/region/contacts`, label: t('contacts.title') },
      ]}
      lead={t('staffContacts.lead')}
      notice={notice}
      list={{
        caption: t('staffContacts.list', { count: contacts.data.items.length }),
        rows: contacts.data.items,
        rowKey: (r) => r.id,
        columns: [
          { key: 'name', header: t('staffContacts.name'), rowHeader: true, render: (r) => r.name },
          { key: 'role', header: t('staffContacts.role'), render: (r) => bi(r.role) },
          { key: 'email', header: t('staffContacts.email'), render: (r) => r.email },
        ],
      }}
      visible={(r) => r.active}
      actions={(r) => (
        <>
          <Button variant="link" onClick={() => edit(r)}>
            {t('staffPlaces.edit', { name: r.name })}
          </Button>
          <Button
            variant="link"
            onClick={() => {
              setSlotsOf({ id: r.id, name: r.name });
              setTimeout(() => document.getElementById('slots-title')?.focus(), 50);
            }}
          >
            {t('staffContacts.slots', { name: r.name })}
          </Button>
        </>
      )}
      between={slotsOf && <ContactSlots key={slotsOf.id} orgId={orgId} contact={slotsOf} />}
      form={form}
      formId="contact-form"
      editing={editing !== null}
      headings={{ edit: t('staffContacts.editTitle'), add: t('staffContacts.newTitle') }}
      addLabel={t('staffContacts.add')}
      shown={{ id: 'contact-active', label: t('staffContacts.active'), checked: active, onChange: setActive }}
      onSubmit={save}
      onCancel={reset}
    >
      <TextField {...form.field('name', t('staffContacts.name'))} required />
      <TextField {...form.field('slug', t('editor.slug'))} hint={t('staffPlaces.slugHint')} required />
      <TextField {...form.field('roleFr', t('staffContacts.roleFr'))} required />
      <TextField {...form.field('roleEn', t('staffContacts.roleEn'))} required />
      <TextAreaField {...form.field('bioFr', t('staffContacts.bioFr'))} optional />
      <TextAreaField {...form.field('bioEn', t('staffContacts.bioEn'))} optional />
      <TextField
        {...form.field('email', t('staffContacts.email'))}
        type="email"
        hint={t('staffContacts.emailHint')}
        required
      />
      <Choices
        legend={t('contacts.topics')}
        id="contact-topics"
        codes={TOPICS}
        chosen={topics}
        label={(c) => t(`staffContacts.topic.${c}` as 'staffContacts.topic.housing')}
        onChange={setTopics}
      />
      <Choices
        legend={t('contacts.languages')}
        id="contact-languages"
        codes={LANGUAGES}
        chosen={languages}
        label={(c) => t(`staffContacts.language.${c}` as 'staffContacts.language.fr')}
        onChange={setLanguages}
      />
    </StaffListEditor>
  );
}

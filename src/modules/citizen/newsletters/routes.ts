import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Email, Ok, Uuid } from '../../../platform/http/schemas.ts';
import { findPurpose } from '../../../platform/privacy/purposes.ts';
import { getIssueDelivery } from './delivery.ts';
import {
  getArchivedIssue,
  listArchive,
  listStaffIssues,
  saveIssue,
  scheduleIssue,
  testSendIssue,
} from './issues.ts';
import { listNewsletters, listStaffNewsletters, saveNewsletterList } from './lists.ts';
import './messages.ts';
import { sendIssueNow } from './send-issue.ts';
import { confirmSubscription, subscribe, unsubscribeByToken, unsubscribeMine } from './subscribe.ts';

const err = { $ref: 'Error#' };
const tags = ['citizen: newsletters'];
const OrgParams = Type.Object({ orgId: Uuid });
const IdParams = Type.Object({ orgId: Uuid, id: Uuid });
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 422: err };
const Bi = (max: number) =>
  Type.Object(
    { fr: Type.String({ maxLength: max }), en: Type.String({ maxLength: max }) },
    { additionalProperties: false },
  );
const BiOut = Type.Object({ fr: Type.String(), en: Type.String() });
const ListSchema = Type.Object({
  id: Uuid,
  name: BiOut,
  description: BiOut,
  active: Type.Boolean(),
  subscribers: Type.Optional(Type.Integer()),
  subscribed: Type.Optional(Type.Boolean()),
});
const IssueSchema = Type.Object({
  id: Uuid,
  listId: Uuid,
  subject: BiOut,
  body: BiOut,
  html: BiOut,
  status: Type.String(),
  scheduledAt: Type.Union([Type.String(), Type.Null()]),
  sentAt: Type.Union([Type.String(), Type.Null()]),
  recipients: Type.Integer(),
  campaignId: Type.Union([Uuid, Type.Null()]),
});
const ListInput = Type.Object(
  { name: Bi(120), description: Bi(1000), active: Type.Boolean() },
  { additionalProperties: false },
);
const IssueInput = Type.Object(
  {
    listId: Uuid,
    subject: Type.Object(
      {
        fr: Type.String({ minLength: 1, maxLength: 200 }),
        en: Type.String({ minLength: 1, maxLength: 200 }),
      },
      { additionalProperties: false },
    ),
    body: Type.Object(
      {
        fr: Type.String({ minLength: 1, maxLength: 50_000 }),
        en: Type.String({ minLength: 1, maxLength: 50_000 }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
const Token = Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' });
const Counts = {
  total: Type.Integer(),
  processed: Type.Integer(),
  skipped: Type.Integer(),
  messages: Type.Integer(),
  queued: Type.Integer(),
  sent: Type.Integer(),
  failed: Type.Integer(),
  bounced: Type.Integer(),
  percent: Type.Integer(),
  done: Type.Boolean(),
};

/** Newsletters: lists, double opt-in subscription, one-click unsubscribe, archive; staff compose and send. */
export const newsletterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;
  const jobs = deps.jobs;
  const publicUrl = deps.config.publicUrl;

  app.get(
    '/orgs/:orgId/citizen/newsletters',
    {
      schema: {
        tags,
        summary: 'Infolettres et texte de consentement / Newsletters and consent text',
        params: OrgParams,
        response: {
          200: Type.Object({
            items: Type.Array(ListSchema),
            consent: Type.Object({ version: Type.String(), text: BiOut }),
          }),
        },
      },
    },
    async (request) => {
      const purpose = findPurpose('newsletter');
      const lists = await listNewsletters({ db, auth: request.auth, orgId: request.params.orgId });
      return {
        ...lists,
        consent: { version: purpose?.version ?? '', text: purpose?.text ?? { fr: '', en: '' } },
      };
    },
  );

  app.post(
    '/orgs/:orgId/citizen/newsletters/subscriptions',
    {
      schema: {
        tags,
        summary: 'S’abonner (double confirmation sans compte) / Subscribe (double opt-in without an account)',
        params: OrgParams,
        body: Type.Object(
          {
            listIds: Type.Array(Uuid, { minItems: 1, maxItems: 20 }),
            email: Type.Optional(Email),
            consentVersion: Type.String({ maxLength: 20 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ status: Type.Union([Type.Literal('active'), Type.Literal('pending')]) }),
          ...errors,
        },
      },
    },
    async (request) =>
      subscribe({
        db,
        jobs,
        publicUrl,
        auth: request.auth,
        orgId: request.params.orgId,
        locale: request.locale,
        input: request.body,
      }),
  );

  app.post(
    '/orgs/:orgId/citizen/newsletters/confirmation',
    {
      schema: {
        tags,
        summary: 'Confirmer l’abonnement / Confirm the subscription',
        params: OrgParams,
        body: Type.Object({ token: Token }, { additionalProperties: false }),
        response: { 200: Type.Object({ confirmed: Type.Integer() }), ...errors },
      },
    },
    async (request) => confirmSubscription({ db, orgId: request.params.orgId, token: request.body.token }),
  );

  app.post(
    '/orgs/:orgId/citizen/newsletters/unsubscribe/:token',
    {
      schema: {
        tags,
        summary: 'Désabonnement en un clic (RFC 8058) / One-click unsubscribe (RFC 8058)',
        params: Type.Object({ orgId: Uuid, token: Token }),
        response: { 200: Type.Object({ list: BiOut }), ...errors },
      },
    },
    async (request) => unsubscribeByToken({ db, orgId: request.params.orgId, token: request.params.token }),
  );

  app.post(
    '/orgs/:orgId/citizen/newsletters/my-unsubscriptions',
    {
      schema: {
        tags,
        summary: 'Me désabonner / Unsubscribe myself',
        params: OrgParams,
        body: Type.Object(
          { listIds: Type.Array(Uuid, { minItems: 1, maxItems: 50 }) },
          { additionalProperties: false },
        ),
        response: { 200: Ok, ...errors },
      },
    },
    async (request) =>
      unsubscribeMine({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        locale: request.locale,
        listIds: request.body.listIds,
      }),
  );

  app.get(
    '/orgs/:orgId/citizen/newsletters/archive',
    {
      schema: {
        tags,
        summary: 'Archives / Archive',
        params: OrgParams,
        querystring: Type.Object({ listId: Type.Optional(Uuid) }),
        response: { 200: Type.Object({ items: Type.Array(IssueSchema) }) },
      },
    },
    async (request) => listArchive({ db, orgId: request.params.orgId, listId: request.query.listId }),
  );

  app.get(
    '/orgs/:orgId/citizen/newsletters/archive/:id',
    {
      schema: {
        tags,
        summary: 'Un numéro / One issue',
        params: IdParams,
        response: { 200: IssueSchema, 404: err },
      },
    },
    async (request) => getArchivedIssue({ db, orgId: request.params.orgId, issueId: request.params.id }),
  );

  app.get(
    '/orgs/:orgId/citizen/staff/newsletters',
    {
      schema: {
        tags,
        summary: 'Listes (personnel) / Lists (staff)',
        params: OrgParams,
        response: { 200: Type.Object({ items: Type.Array(ListSchema) }), ...errors },
      },
    },
    async (request) => listStaffNewsletters({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.post(
    '/orgs/:orgId/citizen/staff/newsletters',
    {
      schema: {
        tags,
        summary: 'Créer une liste / Create a list',
        params: OrgParams,
        body: ListInput,
        response: { 200: ListSchema, ...errors },
      },
    },
    async (request) =>
      saveNewsletterList({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        input: request.body,
      }),
  );

  app.put(
    '/orgs/:orgId/citizen/staff/newsletters/:id',
    {
      schema: {
        tags,
        summary: 'Modifier une liste / Update a list',
        params: IdParams,
        body: ListInput,
        response: { 200: ListSchema, ...errors },
      },
    },
    async (request) =>
      saveNewsletterList({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        listId: request.params.id,
        input: request.body,
      }),
  );

  app.get(
    '/orgs/:orgId/citizen/staff/newsletter-issues',
    {
      schema: {
        tags,
        summary: 'Numéros (personnel) / Issues (staff)',
        params: OrgParams,
        response: { 200: Type.Object({ items: Type.Array(IssueSchema) }), ...errors },
      },
    },
    async (request) => listStaffIssues({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.post(
    '/orgs/:orgId/citizen/staff/newsletter-issues',
    {
      schema: {
        tags,
        summary: 'Rédiger un numéro / Write an issue',
        params: OrgParams,
        body: IssueInput,
        response: { 200: IssueSchema, ...errors },
      },
    },
    async (request) =>
      saveIssue({ db, auth: request.auth, ip: request.ip, orgId: request.params.orgId, input: request.body }),
  );

  app.put(
    '/orgs/:orgId/citizen/staff/newsletter-issues/:id',
    {
      schema: {
        tags,
        summary: 'Modifier un brouillon / Update a draft',
        params: IdParams,
        body: IssueInput,
        response: { 200: IssueSchema, ...errors },
      },
    },
    async (request) =>
      saveIssue({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        issueId: request.params.id,
        input: request.body,
      }),
  );

  app.post(
    '/orgs/:orgId/citizen/staff/newsletter-issues/:id/test',
    {
      schema: {
        tags,
        summary: 'Envoi d’essai à moi-même / Test send to myself',
        params: IdParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) =>
      testSendIssue({
        db,
        jobs,
        publicUrl,
        auth: request.auth,
        orgId: request.params.orgId,
        issueId: request.params.id,
        locale: request.locale,
      }),
  );

  app.post(
    '/orgs/:orgId/citizen/staff/newsletter-issues/:id/schedule',
    {
      schema: {
        tags,
        summary: 'Planifier ou déplanifier / Schedule or unschedule',
        params: IdParams,
        body: Type.Object(
          { at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]) },
          { additionalProperties: false },
        ),
        response: { 200: IssueSchema, ...errors },
      },
    },
    async (request) =>
      scheduleIssue({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        issueId: request.params.id,
        at: request.body.at,
      }),
  );

  app.post(
    '/orgs/:orgId/citizen/staff/newsletter-issues/:id/send',
    {
      schema: {
        tags,
        summary: 'Envoyer maintenant / Send now',
        params: IdParams,
        response: { 200: IssueSchema, ...errors },
      },
    },
    async (request) =>
      sendIssueNow({
        db,
        jobs,
        publicUrl,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        issueId: request.params.id,
      }),
  );

  app.get(
    '/orgs/:orgId/citizen/staff/newsletter-issues/:id/delivery',
    {
      schema: {
        tags,
        summary: 'Progression et livraison par destinataire / Progress and delivery per recipient',
        params: IdParams,
        response: {
          200: Type.Object({
            progress: Type.Object(Counts),
            recipients: Type.Array(
              Type.Object({
                to: Type.String(),
                status: Type.String(),
                sentAt: Type.Union([Type.String(), Type.Null()]),
                error: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      getIssueDelivery({ db, auth: request.auth, orgId: request.params.orgId, issueId: request.params.id }),
  );
};

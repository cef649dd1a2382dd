import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page, PageQuery } from '../../../platform/http/pagination.ts';
import { Uuid } from '../../../platform/http/schemas.ts';
import { answerInformationRequest } from './answer-information-request.ts';
import { attachDocument } from './attach-document.ts';
import { createApplication } from './create-application.ts';
import { exportOpenData } from './export-open-data.ts';
import { getMyApplication } from './get-my-application.ts';
import { getPermitPdf } from './get-permit-pdf.ts';
import { listMyApplications } from './list-my-applications.ts';
import { listPermitRegistry } from './list-permit-registry.ts';
import { listPermitTypes, quotePermitFee } from './list-permit-types.ts';
import './messages.ts';
import { ApplicationInput, PermitTypeSchema, RegistryItem, Status, VerificationSchema } from './schemas.ts';
import { submitApplication } from './submit-application.ts';
import { updateApplication } from './update-application.ts';
import { verifyPermit } from './verify-permit.ts';
import { withdrawApplication } from './withdraw-application.ts';

const err = { $ref: 'Error#' };
const tags = ['portal: permits'];
const OrgParams = Type.Object({ orgId: Uuid });
const AppParams = Type.Object({ orgId: Uuid, id: Uuid });
const App = Type.Ref('PermitApplication');
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 422: err };

/** Permits and work declarations: public types, registry, verification and open data; applicants' files. */
export const permitRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;
  const publicUrl = deps.config.publicUrl;

  app.get(
    '/orgs/:orgId/portal/permits/types',
    {
      schema: {
        tags,
        summary: 'Types de permis / Permit types',
        params: OrgParams,
        response: { 200: Type.Object({ items: Type.Array(PermitTypeSchema) }) },
      },
    },
    async (request) => listPermitTypes({ db, orgId: request.params.orgId }),
  );

  app.post(
    '/orgs/:orgId/portal/permits/types/:code/quote',
    {
      schema: {
        tags,
        summary: 'Calculer le tarif / Compute the fee',
        params: Type.Object({ orgId: Uuid, code: Type.String({ maxLength: 60 }) }),
        body: Type.Object(
          { answers: Type.Record(Type.String(), Type.Unknown()) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ feeCents: Type.Integer() }), 404: err },
      },
    },
    async (request) =>
      quotePermitFee({ db, orgId: request.params.orgId, typeCode: request.params.code, input: request.body }),
  );

  app.get(
    '/orgs/:orgId/portal/permits/registry',
    {
      schema: {
        tags,
        summary: 'Registre public des permis délivrés / Public registry of issued permits',
        params: OrgParams,
        querystring: PageQuery,
        response: { 200: Page(RegistryItem), 404: err },
      },
    },
    async (request) => listPermitRegistry({ db, orgId: request.params.orgId, query: request.query }),
  );

  app.get(
    '/orgs/:orgId/portal/permits/open-data.:format',
    {
      schema: {
        tags,
        summary: 'Données ouvertes des permis (BLDS) / Permit open data (BLDS)',
        description: 'Champs de la Building and Land Development Specification. / BLDS field names.',
        params: Type.Object({ orgId: Uuid, format: Type.Union([Type.Literal('json'), Type.Literal('csv')]) }),
        response: { 200: Type.Unknown(), 404: err },
      },
    },
    async (request, reply) => {
      const data = await exportOpenData({
        db,
        publicUrl,
        orgId: request.params.orgId,
        format: request.params.format,
      });
      if (typeof data === 'string')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="permis-permits-blds.csv"')
          .send(data);
      return reply.type('application/json; charset=utf-8').send(data);
    },
  );

  app.get(
    '/orgs/:orgId/portal/permits/verify/:token',
    {
      schema: {
        tags,
        summary: 'Vérifier un permis (code QR) / Verify a permit (QR code)',
        params: Type.Object({ orgId: Uuid, token: Type.String({ minLength: 8, maxLength: 100 }) }),
        response: { 200: VerificationSchema, 404: err },
      },
    },
    async (request) => verifyPermit({ db, orgId: request.params.orgId, token: request.params.token }),
  );

  app.get(
    '/orgs/:orgId/portal/permits/applications',
    {
      schema: {
        tags,
        summary: 'Mes demandes / My applications',
        params: OrgParams,
        querystring: PageQuery,
        response: {
          200: Page(
            Type.Object({
              id: Type.String(),
              reference: Type.String(),
              status: Status,
              kind: Type.String(),
              address: Type.Union([Type.String(), Type.Null()]),
              type: Type.Object({ fr: Type.String(), en: Type.String() }),
              createdAt: Type.String(),
            }),
          ),
          401: err,
        },
      },
    },
    async (request) =>
      listMyApplications({ db, auth: request.auth, orgId: request.params.orgId, query: request.query }),
  );

  app.post(
    '/orgs/:orgId/portal/permits/applications',
    {
      schema: {
        tags,
        summary: 'Commencer une demande / Start an application',
        description: 'Accepte Idempotency-Key. / Accepts Idempotency-Key.',
        params: OrgParams,
        body: Type.Object(
          { typeCode: Type.String({ maxLength: 60 }), ...ApplicationInput.properties },
          { additionalProperties: false },
        ),
        response: { 201: App, ...errors },
      },
    },
    async (request, reply) => {
      const view = await createApplication({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        input: request.body,
      });
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/orgs/:orgId/portal/permits/applications/:id',
    {
      schema: {
        tags,
        summary: 'Une de mes demandes / One of my applications',
        params: AppParams,
        response: { 200: App, 401: err, 404: err },
      },
    },
    async (request) =>
      getMyApplication({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        applicationId: request.params.id,
      }),
  );

  app.patch(
    '/orgs/:orgId/portal/permits/applications/:id',
    {
      schema: {
        tags,
        summary: 'Modifier un brouillon / Change a draft',
        params: AppParams,
        body: ApplicationInput,
        response: { 200: App, ...errors },
      },
    },
    async (request) =>
      updateApplication({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        applicationId: request.params.id,
        input: request.body,
      }),
  );

  app.post(
    '/orgs/:orgId/portal/permits/applications/:id/documents',
    {
      schema: {
        tags,
        summary: 'Joindre un document déposé / Attach an uploaded document',
        params: AppParams,
        body: Type.Union([
          Type.Object(
            { documentKey: Type.String({ maxLength: 40 }), fileId: Uuid },
            { additionalProperties: false },
          ),
          Type.Object({ remove: Uuid }, { additionalProperties: false }),
        ]),
        response: { 200: App, ...errors },
      },
    },
    async (request) =>
      attachDocument({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        applicationId: request.params.id,
        input: request.body,
      }),
  );

  app.post(
    '/orgs/:orgId/portal/permits/applications/:id/submit',
    {
      schema: {
        tags,
        summary: 'Soumettre (et créer la commande du tarif) / Submit (and create the fee order)',
        description: 'Accepte Idempotency-Key. / Accepts Idempotency-Key.',
        params: AppParams,
        response: { 200: App, ...errors },
      },
    },
    async (request) =>
      submitApplication({
        db,
        jobs: deps.jobs,
        publicUrl,
        auth: request.auth,
        orgId: request.params.orgId,
        applicationId: request.params.id,
      }),
  );

  app.post(
    '/orgs/:orgId/portal/permits/applications/:id/answer',
    {
      schema: {
        tags,
        summary: 'Répondre à une demande de renseignements / Answer a request for information',
        params: AppParams,
        body: Type.Object(
          { message: Type.String({ minLength: 1, maxLength: 4000 }) },
          { additionalProperties: false },
        ),
        response: { 200: App, ...errors },
      },
    },
    async (request) =>
      answerInformationRequest({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        applicationId: request.params.id,
        input: request.body,
      }),
  );

  app.post(
    '/orgs/:orgId/portal/permits/applications/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Retirer une demande / Withdraw an application',
        params: AppParams,
        response: { 200: App, ...errors },
      },
    },
    async (request) =>
      withdrawApplication({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        applicationId: request.params.id,
      }),
  );

  app.get(
    '/orgs/:orgId/portal/permits/applications/:id/permit.pdf',
    {
      schema: {
        tags,
        summary: 'Le permis en PDF (bilingue) / The permit as a PDF (bilingual)',
        params: AppParams,
        response: { 401: err, 404: err, 409: err },
      },
    },
    async (request, reply) => {
      const { pdf, fileName } = await getPermitPdf({
        db,
        auth: request.auth,
        publicUrl,
        orgId: request.params.orgId,
        applicationId: request.params.id,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
};

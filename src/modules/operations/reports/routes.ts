import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { attachmentDisposition } from '../../../platform/files/file-names.ts';
import { Email, Uuid } from '../../../platform/http/schemas.ts';
import { listReportDefinitions, saveReportDefinition } from './definitions.ts';
import './messages.ts';
import { downloadReportRun, listReportRuns, requestReportRun } from './runs.ts';
import {
  downloadTransmission,
  generateTransmission,
  listTransmissions,
  recordTransmissionOutcome,
} from './transmissions.ts';

const err = { $ref: 'Error#' };
const tags = ['operations: reports'];
const base = '/orgs/:orgId/operations';
const OrgParams = Type.Object({ orgId: Uuid });
const Bilingual = Type.Object({ fr: Type.String(), en: Type.String() });
const Period = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-01$', description: 'YYYY-MM-01' });
const Str = Type.Union([Type.String(), Type.Null()]);

const Content = Type.Object(
  {
    stationIds: Type.Array(Uuid, { maxItems: 200 }),
    measureCodes: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 40 }),
    sections: Type.Array(
      Type.Union([
        Type.Literal('summary'),
        Type.Literal('daily_table'),
        Type.Literal('chart'),
        Type.Literal('compliance'),
        Type.Literal('traffic'),
      ]),
      { maxItems: 5 },
    ),
    introFr: Type.String({ maxLength: 4000 }),
    introEn: Type.String({ maxLength: 4000 }),
  },
  { additionalProperties: false },
);
const DefinitionInput = Type.Object(
  {
    titleFr: Type.String({ minLength: 1, maxLength: 200 }),
    titleEn: Type.String({ minLength: 1, maxLength: 200 }),
    content: Content,
    recipients: Type.Array(Email, { maxItems: 50 }),
    active: Type.Boolean(),
  },
  { additionalProperties: false },
);
const Definition = Type.Object({
  id: Type.String(),
  title: Bilingual,
  content: Content,
  recipients: Type.Array(Type.String()),
  active: Type.Boolean(),
  updatedAt: Type.String(),
});
const Run = Type.Object({
  id: Type.String(),
  definitionId: Type.String(),
  period: Type.String(),
  status: Type.String(),
  progress: Type.Integer(),
  error: Str,
  createdAt: Type.String(),
  finishedAt: Str,
});
const Transmission = Type.Object({
  id: Type.String(),
  template: Type.String(),
  templateName: Bilingual,
  period: Type.String(),
  recipient: Type.String(),
  fileName: Type.String(),
  sha256: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  lastError: Str,
  correctsId: Str,
  createdAt: Type.String(),
  createdBy: Str,
  sentAt: Str,
  sentBy: Str,
});

/** Monthly report definitions, their archive and regeneration; the transmission register. */
export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { database, jobs } = app.deps;
  const db = database.db;

  app.get(
    `${base}/reports`,
    {
      schema: {
        tags,
        summary: 'Rapports mensuels / Monthly reports',
        params: OrgParams,
        response: { 200: Type.Object({ items: Type.Array(Definition) }), 401: err, 403: err },
      },
    },
    async (request) => listReportDefinitions({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.post(
    `${base}/reports`,
    {
      schema: {
        tags,
        summary: 'Définir un rapport / Define a report',
        params: OrgParams,
        body: DefinitionInput,
        response: { 201: Definition, 400: err, 401: err, 403: err },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await saveReportDefinition({
          db,
          auth: request.auth,
          ip: request.ip,
          orgId: request.params.orgId,
          input: request.body,
        }),
      ),
  );

  app.put(
    `${base}/reports/:reportId`,
    {
      schema: {
        tags,
        summary: 'Modifier un rapport / Change a report',
        params: Type.Object({ orgId: Uuid, reportId: Uuid }),
        body: DefinitionInput,
        response: { 200: Definition, 400: err, 401: err, 403: err, 404: err },
      },
    },
    async (request) =>
      saveReportDefinition({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        id: request.params.reportId,
        input: request.body,
      }),
  );

  app.post(
    `${base}/reports/:reportId/runs`,
    {
      schema: {
        tags,
        summary: 'Produire le rapport d’un mois / Produce a month’s report',
        params: Type.Object({ orgId: Uuid, reportId: Uuid }),
        body: Type.Object({ period: Period }, { additionalProperties: false }),
        response: { 202: Run, 400: err, 401: err, 403: err, 404: err },
      },
    },
    async (request, reply) =>
      reply.status(202).send(
        await requestReportRun({
          db,
          jobs,
          auth: request.auth,
          ip: request.ip,
          orgId: request.params.orgId,
          definitionId: request.params.reportId,
          period: request.body.period,
        }),
      ),
  );

  app.get(
    `${base}/report-runs`,
    {
      schema: {
        tags,
        summary: 'Archive des rapports / Report archive',
        params: OrgParams,
        querystring: Type.Object({ reportId: Type.Optional(Uuid) }),
        response: { 200: Type.Object({ items: Type.Array(Run) }), 401: err, 403: err },
      },
    },
    async (request) =>
      listReportRuns({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        definitionId: request.query.reportId,
      }),
  );

  app.get(
    `${base}/report-runs/:runId/file.:format`,
    {
      schema: {
        tags,
        summary: 'Télécharger le PDF ou le XLSX / Download the PDF or XLSX',
        params: Type.Object({
          orgId: Uuid,
          runId: Uuid,
          format: Type.Union([Type.Literal('pdf'), Type.Literal('xlsx')]),
        }),
        response: { 401: err, 403: err, 404: err, 409: err },
      },
    },
    async (request, reply) => {
      const { body, fileName } = await downloadReportRun({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        runId: request.params.runId,
        format: request.params.format,
      });
      return reply
        .type(
          request.params.format === 'pdf'
            ? 'application/pdf'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header('content-disposition', attachmentDisposition(fileName))
        .send(body);
    },
  );

  app.get(
    `${base}/transmissions`,
    {
      schema: {
        tags: ['operations: transmissions'],
        summary: 'Registre des transmissions / Transmission register',
        params: OrgParams,
        response: {
          200: Type.Object({
            items: Type.Array(Transmission),
            templates: Type.Array(
              Type.Object({ code: Type.String(), name: Bilingual, defaultRecipient: Type.String() }),
            ),
          }),
          401: err,
          403: err,
        },
      },
    },
    async (request) => listTransmissions({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.post(
    `${base}/transmissions`,
    {
      schema: {
        tags: ['operations: transmissions'],
        summary:
          'Produire un fichier à transmettre (ou une correction) / Produce a file to send (or a correction)',
        params: OrgParams,
        body: Type.Object(
          {
            template: Type.String({ maxLength: 60 }),
            period: Period,
            recipient: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            correctsId: Type.Optional(Uuid),
          },
          { additionalProperties: false },
        ),
        response: { 201: Transmission, 400: err, 401: err, 403: err, 404: err, 422: err },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await generateTransmission({
          db,
          auth: request.auth,
          ip: request.ip,
          orgId: request.params.orgId,
          input: request.body,
        }),
      ),
  );

  app.post(
    `${base}/transmissions/:transmissionId/outcome`,
    {
      schema: {
        tags: ['operations: transmissions'],
        summary: 'Consigner l’envoi (ou l’échec) / Record the sending (or failure)',
        params: Type.Object({ orgId: Uuid, transmissionId: Uuid }),
        body: Type.Object(
          {
            outcome: Type.Union([Type.Literal('sent'), Type.Literal('failed')]),
            error: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Transmission, 400: err, 401: err, 403: err, 404: err, 409: err },
      },
    },
    async (request) =>
      recordTransmissionOutcome({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        transmissionId: request.params.transmissionId,
        input: request.body,
      }),
  );

  app.get(
    `${base}/transmissions/:transmissionId/file`,
    {
      schema: {
        tags: ['operations: transmissions'],
        summary: 'Télécharger le fichier transmis / Download the file sent',
        params: Type.Object({ orgId: Uuid, transmissionId: Uuid }),
        response: { 401: err, 403: err, 404: err },
      },
    },
    async (request, reply) => {
      const file = await downloadTransmission({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        transmissionId: request.params.transmissionId,
      });
      return reply
        .type(file.contentType)
        .header('content-disposition', attachmentDisposition(file.fileName))
        .send(file.content);
    },
  );
};

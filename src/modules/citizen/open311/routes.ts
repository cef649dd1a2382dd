import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, renderMessage } from '../../../platform/http/errors.ts';
import { discoveryDocument, discoveryXml } from './discovery.ts';
import { parseForm, postInput } from './form-body.ts';
import {
  type Format,
  formatOfUrl,
  type Open311Error,
  parseFormat,
  type Rendered,
  render,
  renderErrors,
  type XmlShape,
} from './format.ts';
import { getServiceDefinition } from './get-service-definition.ts';
import { getServiceRequest } from './get-service-request.ts';
import { getToken } from './get-token.ts';
import { listServiceRequests } from './list-service-requests.ts';
import { listServices } from './list-services.ts';
import './messages.ts';
import { postServiceRequest } from './post-service-request.ts';
import { serviceDefinitionXml } from './views.ts';

const tags = ['open311'];
const Jurisdiction = { jurisdiction_id: Type.Optional(Type.String({ maxLength: 100 })) };
const FormatParam = { format: Type.String({ maxLength: 10 }) };
const RequestsQuery = Type.Object({
  ...Jurisdiction,
  service_request_id: Type.Optional(Type.String({ maxLength: 20_000 })),
  service_code: Type.Optional(Type.String({ maxLength: 1000 })),
  start_date: Type.Optional(Type.String({ maxLength: 40 })),
  end_date: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(Type.String({ maxLength: 20 })),
});

function send(reply: FastifyReply, rendered: Rendered, status = 200): FastifyReply {
  return reply.status(status).type(rendered.contentType).send(rendered.body);
}

function reply(
  res: FastifyReply,
  format: Format,
  value: unknown,
  shape: XmlShape,
  status = 200,
): FastifyReply {
  return send(res, render(format, value, shape), status);
}

/** The standard's errors of a thrown error: one per field problem when the error lists them. */
function errorsOf(
  error: FastifyError | AppError | Error,
  request: FastifyRequest,
): { status: number; errors: Open311Error[] } {
  const locale = request.locale ?? 'fr';
  if (error instanceof AppError) {
    const fields = (error.details as { fields?: Array<{ field: string; message: string }> } | undefined)
      ?.fields;
    const description = renderMessage(error.code, locale, error.params);
    return {
      status: error.status,
      errors: fields?.length
        ? fields.map((f) => ({ code: error.status, description: `${f.field}: ${f.message}` }))
        : [{ code: error.status, description }],
    };
  }
  const fe = error as FastifyError;
  if (fe.validation)
    return { status: 400, errors: [{ code: 400, description: renderMessage('validation.failed', locale) }] };
  if (fe.statusCode === 429)
    return {
      status: 429,
      errors: [{ code: 429, description: renderMessage('rate_limited', locale, { seconds: 60 }) }],
    };
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
    return {
      status: fe.statusCode,
      errors: [{ code: fe.statusCode, description: renderMessage('validation.failed', locale) }],
    };
  request.log.error({ err: error }, 'unhandled error');
  return { status: 500, errors: [{ code: 500, description: renderMessage('internal', locale) }] };
}

/**
 * Open311 GeoReport v2 at /open311/v2: discovery, services, service definitions, requests (GET public,
 * POST with an application's key), one request, tokens. Every endpoint answers `.json` and `.xml`;
 * `jurisdiction_id` is the organisation's slug; errors are the standard's list of { code, description }.
 */
export const open311Routes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;

  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, parseForm(String(body)));
    },
  );
  app.setErrorHandler((error: FastifyError | AppError | Error, request, res) => {
    const { status, errors } = errorsOf(error, request);
    if (error instanceof AppError && error.code === 'open311.rate_limited')
      res.header('retry-after', String(error.params.seconds ?? 60));
    return send(res, renderErrors(formatOfUrl(request.url), errors), status);
  });
  app.setNotFoundHandler((request, res) =>
    send(
      res,
      renderErrors(formatOfUrl(request.url), [
        { code: 404, description: renderMessage('route.not_found', request.locale ?? 'fr') },
      ]),
      404,
    ),
  );

  app.get(
    '/discovery.:format',
    {
      schema: {
        tags,
        summary: 'Découverte du service / Service discovery',
        params: Type.Object(FormatParam),
      },
    },
    async (request, res) => {
      const format = parseFormat(request.params.format);
      const document = discoveryDocument(deps.config.publicUrl);
      return reply(res, format, format === 'xml' ? discoveryXml(document) : document, { root: 'discovery' });
    },
  );

  app.get(
    '/services.:format',
    {
      schema: {
        tags,
        summary: 'Catégories de requêtes / Service list',
        params: Type.Object(FormatParam),
        querystring: Type.Object(Jurisdiction),
      },
    },
    async (request, res) => {
      const format = parseFormat(request.params.format);
      const services = await listServices({
        db,
        jurisdictionId: request.query.jurisdiction_id,
        locale: request.locale,
      });
      return reply(res, format, services, { root: 'services', item: 'service' });
    },
  );

  app.get(
    '/services/:service_code.:format',
    {
      schema: {
        tags,
        summary: 'Définition d’une catégorie / Service definition',
        params: Type.Object({ service_code: Type.String({ maxLength: 100 }), ...FormatParam }),
        querystring: Type.Object(Jurisdiction),
      },
    },
    async (request, res) => {
      const format = parseFormat(request.params.format);
      const definition = await getServiceDefinition({
        db,
        jurisdictionId: request.query.jurisdiction_id,
        serviceCode: request.params.service_code,
        locale: request.locale,
      });
      return reply(res, format, format === 'xml' ? serviceDefinitionXml(definition) : definition, {
        root: 'service_definition',
      });
    },
  );

  app.get(
    '/requests.:format',
    {
      schema: {
        tags,
        summary: 'Requêtes publiques / Service requests',
        description:
          'Par défaut les 90 derniers jours, 1000 au plus; sans renseignements personnels. / By default the last 90 days, 1000 at most; no personal data.',
        params: Type.Object(FormatParam),
        querystring: RequestsQuery,
      },
    },
    async (request, res) => {
      const format = parseFormat(request.params.format);
      const requests = await listServiceRequests({ db, locale: request.locale, query: request.query });
      return reply(res, format, requests, { root: 'service_requests', item: 'request' });
    },
  );

  app.post(
    '/requests.:format',
    {
      // A machine request authenticated by its api_key: no browser session, so no CSRF token.
      config: { csrf: false },
      schema: {
        tags,
        summary: 'Soumettre une requête (clé d’API) / Create a service request (API key)',
        description:
          'application/x-www-form-urlencoded (ou JSON) : api_key, jurisdiction_id, service_code, lat, long ou address_string, attribute[code], email, description.',
        params: Type.Object(FormatParam),
      },
    },
    async (request, res) => {
      const format = parseFormat(request.params.format);
      const created = await postServiceRequest({
        db,
        jobs: deps.jobs,
        locale: request.locale,
        input: postInput(request.body),
      });
      return reply(res, format, created, { root: 'service_requests', item: 'request' }, 201);
    },
  );

  app.get(
    '/requests/:service_request_id.:format',
    {
      schema: {
        tags,
        summary: 'Une requête / One service request',
        params: Type.Object({ service_request_id: Type.String({ maxLength: 60 }), ...FormatParam }),
        querystring: Type.Object(Jurisdiction),
      },
    },
    async (request, res) => {
      const format = parseFormat(request.params.format);
      const found = await getServiceRequest({
        db,
        jurisdictionId: request.query.jurisdiction_id,
        id: request.params.service_request_id,
        locale: request.locale,
      });
      return reply(res, format, found, { root: 'service_requests', item: 'request' });
    },
  );

  app.get(
    '/tokens/:token.:format',
    {
      schema: {
        tags,
        summary: 'Numéro d’une requête par jeton / Service request id from a token',
        params: Type.Object({ token: Type.String({ maxLength: 60 }), ...FormatParam }),
        querystring: Type.Object(Jurisdiction),
      },
    },
    async (request, res) => {
      const format = parseFormat(request.params.format);
      const found = await getToken({
        db,
        jurisdictionId: request.query.jurisdiction_id,
        token: request.params.token,
      });
      return reply(res, format, found, { root: 'service_requests', item: 'request' });
    },
  );
};

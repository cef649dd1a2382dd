import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Ok } from '../../../platform/http/schemas.ts';
import { addInformation } from './add-information.ts';
import type { CitizenKey } from './citizen-access.ts';
import { confirmFollower } from './confirm-follower.ts';
import { followRequest } from './follow-request.ts';
import { getCitizenRequest } from './get-citizen-request.ts';
import { reopenRequest } from './reopen-request.ts';
import { resendConfirmation } from './resend-confirmation.ts';
import {
  CitizenRequestSchema,
  CodeInput,
  FollowInput,
  FollowSchema,
  InformationInput,
  ReopenInput,
  RequestParams,
  TokenParams,
} from './schemas.ts';
import { unfollowRequest } from './unfollow-request.ts';

const err = { $ref: 'Error#' };
const tags = ['requests'];
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 413: err, 415: err, 422: err, 429: err };

/** What a citizen does on a request they follow (signed in, or through a guest's link): read, confirm, add, reopen, stop. */
export const followRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;
  const jobs = deps.jobs;

  // The same actions for a signed-in follower (by request id) and a guest (by the token of their link).
  const byAccount = (request: { auth: CitizenKey['auth'] }): CitizenKey => ({ auth: request.auth ?? null });

  app.get(
    '/orgs/:orgId/requests/:id',
    {
      schema: {
        tags,
        summary: 'Une requête que je suis / A request I follow',
        params: RequestParams,
        response: { 200: CitizenRequestSchema, 401: err, 403: err, 404: err },
      },
    },
    async (request) =>
      getCitizenRequest({
        db,
        orgId: request.params.orgId,
        key: byAccount(request),
        requestId: request.params.id,
      }),
  );
  app.get(
    '/orgs/:orgId/requests/guest/:token',
    {
      schema: {
        tags,
        summary: 'Une requête suivie par courriel / A request followed by e-mail',
        params: TokenParams,
        response: { 200: CitizenRequestSchema, 404: err },
      },
    },
    async (request) =>
      getCitizenRequest({ db, orgId: request.params.orgId, key: { token: request.params.token } }),
  );

  app.post(
    '/orgs/:orgId/requests/guest/:token/confirm',
    {
      schema: {
        tags,
        summary: 'Confirmer son courriel par code / Confirm one’s e-mail with the code',
        params: TokenParams,
        body: CodeInput,
        response: { 200: Type.Object({ confirmed: Type.Boolean() }), 400: err, 404: err },
      },
    },
    async (request) =>
      confirmFollower({
        db,
        jobs,
        orgId: request.params.orgId,
        token: request.params.token,
        code: request.body.code,
        locale: request.locale,
      }),
  );
  app.post(
    '/orgs/:orgId/requests/guest/:token/resend',
    {
      schema: {
        tags,
        summary: 'Recevoir un nouveau code / Get a new code',
        params: TokenParams,
        response: { 200: Type.Object({ sent: Type.Boolean() }), 404: err, 409: err, 429: err },
      },
    },
    async (request) =>
      resendConfirmation({ db, jobs, orgId: request.params.orgId, token: request.params.token }),
  );

  app.post(
    '/orgs/:orgId/requests/:id/follow',
    {
      schema: {
        tags,
        summary:
          'Suivre une requête plutôt que d’en soumettre une autre / Follow a request instead of reporting again',
        params: RequestParams,
        body: FollowInput,
        response: { 200: FollowSchema, ...errors },
      },
    },
    async (request) =>
      followRequest({
        db,
        jobs,
        auth: request.auth,
        orgId: request.params.orgId,
        requestId: request.params.id,
        locale: request.locale,
        input: request.body,
      }),
  );
  app.delete(
    '/orgs/:orgId/requests/:id/follow',
    {
      schema: {
        tags,
        summary: 'Ne plus suivre / Stop following',
        params: RequestParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) =>
      unfollowRequest({
        db,
        orgId: request.params.orgId,
        key: byAccount(request),
        requestId: request.params.id,
      }),
  );
  app.delete(
    '/orgs/:orgId/requests/guest/:token',
    {
      schema: {
        tags,
        summary: 'Ne plus suivre (courriel) / Stop following (e-mail)',
        params: TokenParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) =>
      unfollowRequest({ db, orgId: request.params.orgId, key: { token: request.params.token } }),
  );

  const information = {
    tags,
    summary: 'Ajouter des renseignements / Add information',
    body: InformationInput,
    response: { 201: Type.Object({ id: Type.String() }), ...errors },
  };
  const reopen = {
    tags,
    summary: 'Rouvrir une requête résolue / Reopen a resolved request',
    body: ReopenInput,
    response: { 200: Ok, ...errors },
  };
  app.post(
    '/orgs/:orgId/requests/:id/information',
    { schema: { ...information, params: RequestParams } },
    async (request, reply) => {
      const { orgId, id } = request.params;
      const added = await addInformation({
        db,
        orgId,
        key: byAccount(request),
        requestId: id,
        locale: request.locale,
        input: request.body,
      });
      return reply.status(201).send(added);
    },
  );
  app.post(
    '/orgs/:orgId/requests/guest/:token/information',
    { schema: { ...information, params: TokenParams } },
    async (request, reply) => {
      const { orgId, token } = request.params;
      const added = await addInformation({
        db,
        orgId,
        key: { token },
        locale: request.locale,
        input: request.body,
      });
      return reply.status(201).send(added);
    },
  );
  app.post(
    '/orgs/:orgId/requests/:id/reopen',
    { schema: { ...reopen, params: RequestParams } },
    async (request) =>
      reopenRequest({
        db,
        jobs,
        orgId: request.params.orgId,
        key: byAccount(request),
        requestId: request.params.id,
        input: request.body,
      }),
  );
  app.post(
    '/orgs/:orgId/requests/guest/:token/reopen',
    { schema: { ...reopen, params: TokenParams } },
    async (request) =>
      reopenRequest({
        db,
        jobs,
        orgId: request.params.orgId,
        key: { token: request.params.token },
        input: request.body,
      }),
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Email, Ok, Uuid } from '../../../platform/http/schemas.ts';
import { employerInterest } from '../matching/interest.ts';
import { listOfferMatches } from '../matching/list-matches.ts';
import { createCompany, getCompany, listMyCompanies, updateCompany } from './companies.ts';
import { acceptInvitation, inviteMember } from './invitations.ts';
import { closeOffer, createOffer, listCompanyOffers, submitOffer, updateOffer } from './offers.ts';
import { listPublicOffers } from './public-offers.ts';
import { CompanyInput, OfferInput } from './schemas.ts';

const err = { $ref: 'Error#' };
const tags = ['attraction: employers'];
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 422: err };
const OrgParams = Type.Object({ orgId: Uuid });
const CoParams = Type.Object({ orgId: Uuid, companyId: Uuid });
const OfferParams = Type.Object({ orgId: Uuid, companyId: Uuid, offerId: Uuid });
const Company = Type.Ref('Company');
const Offer = Type.Ref('JobOffer');

/** Employers: companies with several members, invitations, offers, matched anonymous candidates. */
export const employerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;
  const publicUrl = deps.config.publicUrl;
  const co = '/orgs/:orgId/attraction/companies';

  app.get(
    '/orgs/:orgId/attraction/offers',
    {
      schema: {
        tags,
        summary: 'Offres publiées (public) / Published offers (public)',
        params: OrgParams,
        querystring: Type.Object({ noc: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })) }),
        response: { 200: Type.Object({ items: Type.Array(Offer) }), 404: err },
      },
    },
    async (request) => {
      const { items } = await listPublicOffers({
        db,
        orgIdOrSlug: request.params.orgId,
        publicUrl,
        nocPrefix: request.query.noc,
      });
      return { items };
    },
  );

  app.get(
    '/orgs/:orgId/attraction/my-companies',
    {
      schema: {
        tags,
        summary: 'Mes entreprises / My companies',
        params: OrgParams,
        response: { 200: Type.Object({ items: Type.Array(Company) }), ...errors },
      },
    },
    async (request) => listMyCompanies({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.post(
    co,
    {
      schema: {
        tags,
        summary: 'Inscrire une entreprise / Register a company',
        params: OrgParams,
        body: CompanyInput,
        response: { 201: Company, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createCompany({ db, auth: request.auth, orgId: request.params.orgId, input: request.body }),
        ),
  );

  app.get(
    `${co}/:companyId`,
    {
      schema: {
        tags,
        summary: 'Une de mes entreprises / One of my companies',
        params: CoParams,
        response: { 200: Company, ...errors },
      },
    },
    async (request) =>
      getCompany({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        companyId: request.params.companyId,
      }),
  );

  app.put(
    `${co}/:companyId`,
    {
      schema: {
        tags,
        summary: 'Modifier le profil d’entreprise / Change the company profile',
        params: CoParams,
        body: CompanyInput,
        response: { 200: Company, ...errors },
      },
    },
    async (request) =>
      updateCompany({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        companyId: request.params.companyId,
        input: request.body,
      }),
  );

  app.post(
    `${co}/:companyId/invitations`,
    {
      schema: {
        tags,
        summary: 'Inviter un membre / Invite a member',
        params: CoParams,
        body: Type.Object(
          { email: Email, role: Type.Union([Type.Literal('owner'), Type.Literal('recruiter')]) },
          { additionalProperties: false },
        ),
        response: { 200: Ok, ...errors },
      },
    },
    async (request) =>
      inviteMember({
        db,
        jobs: deps.jobs,
        publicUrl,
        auth: request.auth,
        orgId: request.params.orgId,
        companyId: request.params.companyId,
        input: request.body,
        locale: request.locale,
      }),
  );

  app.post(
    '/orgs/:orgId/attraction/invitations/accept',
    {
      schema: {
        tags,
        summary: 'Accepter une invitation / Accept an invitation',
        params: OrgParams,
        body: Type.Object(
          { token: Type.String({ minLength: 10, maxLength: 100 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ companyId: Type.String() }), ...errors },
      },
    },
    async (request) =>
      acceptInvitation({ db, auth: request.auth, orgId: request.params.orgId, token: request.body.token }),
  );

  app.get(
    `${co}/:companyId/offers`,
    {
      schema: {
        tags,
        summary: 'Offres de l’entreprise / The company’s offers',
        params: CoParams,
        response: { 200: Type.Object({ items: Type.Array(Offer) }), ...errors },
      },
    },
    async (request) =>
      listCompanyOffers({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        companyId: request.params.companyId,
        publicUrl,
      }),
  );

  app.post(
    `${co}/:companyId/offers`,
    {
      schema: {
        tags,
        summary: 'Rédiger une offre / Write an offer',
        params: CoParams,
        body: OfferInput,
        response: { 201: Offer, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createOffer({
          db,
          auth: request.auth,
          orgId: request.params.orgId,
          companyId: request.params.companyId,
          publicUrl,
          input: request.body,
        }),
      ),
  );

  app.put(
    `${co}/:companyId/offers/:offerId`,
    {
      schema: {
        tags,
        summary: 'Modifier une offre / Change an offer',
        params: OfferParams,
        body: OfferInput,
        response: { 200: Offer, ...errors },
      },
    },
    async (request) =>
      updateOffer({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        companyId: request.params.companyId,
        offerId: request.params.offerId,
        publicUrl,
        input: request.body,
      }),
  );

  app.post(
    `${co}/:companyId/offers/:offerId/submit`,
    {
      schema: {
        tags,
        summary: 'Soumettre à la MRC / Submit to the MRC',
        params: OfferParams,
        response: { 200: Offer, ...errors },
      },
    },
    async (request) =>
      submitOffer({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        companyId: request.params.companyId,
        offerId: request.params.offerId,
        publicUrl,
      }),
  );

  app.post(
    `${co}/:companyId/offers/:offerId/close`,
    {
      schema: {
        tags,
        summary: 'Fermer une offre / Close an offer',
        params: OfferParams,
        response: { 200: Offer, ...errors },
      },
    },
    async (request) =>
      closeOffer({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        companyId: request.params.companyId,
        offerId: request.params.offerId,
        publicUrl,
      }),
  );

  app.get(
    `${co}/:companyId/offers/:offerId/matches`,
    {
      schema: {
        tags,
        summary: 'Candidats arrimés (anonymes) / Matched candidates (anonymous)',
        params: OfferParams,
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }),
        response: { 200: Type.Unknown(), ...errors },
      },
    },
    async (request) =>
      listOfferMatches({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        companyId: request.params.companyId,
        offerId: request.params.offerId,
        locale: request.locale,
        limit: request.query.limit,
      }),
  );

  app.post(
    `${co}/:companyId/matches/:matchId/interest`,
    {
      schema: {
        tags,
        summary: 'Manifester l’intérêt de l’entreprise / Express the company’s interest',
        params: Type.Object({ orgId: Uuid, companyId: Uuid, matchId: Uuid }),
        body: Type.Object({ interested: Type.Boolean() }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            matchId: Type.String(),
            candidateInterested: Type.Boolean(),
            employerInterested: Type.Boolean(),
            mutual: Type.Boolean(),
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      employerInterest({
        db,
        jobs: deps.jobs,
        publicUrl,
        auth: request.auth,
        orgId: request.params.orgId,
        companyId: request.params.companyId,
        matchId: request.params.matchId,
        interested: request.body.interested,
      }),
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Ok, Uuid } from '../../../platform/http/schemas.ts';
import { candidateInterest } from '../matching/interest.ts';
import { listMyMatches } from '../matching/list-matches.ts';
import { getMyProfile } from './get-my-profile.ts';
import { deleteMyCandidateData, exportMyCandidateData } from './my-data.ts';
import { saveMyProfile } from './save-my-profile.ts';
import { ProfileInput } from './schemas.ts';
import { setMatching } from './set-matching.ts';

const err = { $ref: 'Error#' };
const tags = ['attraction: candidates'];
const OrgParams = Type.Object({ orgId: Uuid });
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 422: err };
const Profile = Type.Ref('CandidateProfile');

/** The candidate's own space: profile, matching consent, matched offers, interest, own data. */
export const candidateRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;
  const publicUrl = deps.config.publicUrl;
  const base = '/orgs/:orgId/attraction/candidate';

  app.get(
    `${base}/profile`,
    {
      schema: {
        tags,
        summary: 'Mon profil de candidat / My candidate profile',
        params: OrgParams,
        response: { 200: Type.Object({ profile: Type.Union([Type.Null(), Profile]) }), ...errors },
      },
    },
    async (request) => getMyProfile({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.put(
    `${base}/profile`,
    {
      schema: {
        tags,
        summary: 'Enregistrer mon profil / Save my profile',
        params: OrgParams,
        body: ProfileInput,
        response: { 200: Profile, ...errors },
      },
    },
    async (request) =>
      saveMyProfile({ db, auth: request.auth, orgId: request.params.orgId, input: request.body }),
  );

  app.post(
    `${base}/matching`,
    {
      schema: {
        tags,
        summary: 'Activer ou désactiver l’arrimage (consentement) / Turn matching on or off (consent)',
        params: OrgParams,
        body: Type.Object(
          { enabled: Type.Boolean(), consentVersion: Type.Optional(Type.String({ maxLength: 20 })) },
          { additionalProperties: false },
        ),
        response: { 200: Profile, ...errors },
      },
    },
    async (request) =>
      setMatching({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        locale: request.locale,
        input: request.body,
      }),
  );

  app.get(
    `${base}/matches`,
    {
      schema: {
        tags,
        summary: 'Offres arrimées / Matched offers',
        params: OrgParams,
        response: { 200: Type.Unknown(), ...errors },
      },
    },
    async (request) =>
      listMyMatches({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        locale: request.locale,
        publicUrl,
      }),
  );

  app.post(
    `${base}/matches/:matchId/interest`,
    {
      schema: {
        tags,
        summary: 'Manifester mon intérêt (ou le refuser) / Express (or decline) interest',
        description:
          'Oui : l’entreprise voit mon profil nominatif (sans coordonnées). / Yes: the company sees my named profile (no contact details).',
        params: Type.Object({ orgId: Uuid, matchId: Uuid }),
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
      candidateInterest({
        db,
        jobs: deps.jobs,
        publicUrl,
        auth: request.auth,
        orgId: request.params.orgId,
        matchId: request.params.matchId,
        interested: request.body.interested,
      }),
  );

  app.get(
    `${base}/export`,
    {
      schema: {
        tags,
        summary: 'Télécharger mes données / Download my data',
        params: OrgParams,
        response: { 200: Type.Unknown(), ...errors },
      },
    },
    async (request) => exportMyCandidateData({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.delete(
    `${base}/profile`,
    {
      schema: {
        tags,
        summary: 'Supprimer mon profil et mes arrimages / Delete my profile and matches',
        params: OrgParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => deleteMyCandidateData({ db, auth: request.auth, orgId: request.params.orgId }),
  );
};

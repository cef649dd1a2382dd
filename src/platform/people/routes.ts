import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { LocaleSchema, Uuid } from '../http/schemas.ts';
import { addDependant } from './add-dependant.ts';
import { getHousehold } from './get-household.ts';
import { getProfile } from './get-profile.ts';
import { removeDependant } from './remove-dependant.ts';
import { updateDependant } from './update-dependant.ts';
import { updateProfile } from './update-profile.ts';
import './messages.ts';

const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
const Phone = Type.String({
  maxLength: 40,
  pattern: '^\\+?[0-9 ().-]{7,20}( ?(x|ext\\.?|poste) ?[0-9]{1,6})?$',
});
const BirthDate = Type.String({ format: 'date' });

const ProfileSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  givenName: Type.String(),
  familyName: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  locale: LocaleSchema,
});
const ProfileInput = Type.Object(
  {
    givenName: Type.Optional(Name),
    familyName: Type.Optional(Name),
    phone: Type.Optional(Type.Union([Phone, Type.Null()])),
    locale: Type.Optional(LocaleSchema),
  },
  { additionalProperties: false },
);
const MemberSchema = Type.Object({
  id: Type.String(),
  role: Type.Union([Type.Literal('guardian'), Type.Literal('dependant')]),
  givenName: Type.String(),
  familyName: Type.String(),
  birthDate: Type.Union([Type.String(), Type.Null()]),
  isSelf: Type.Boolean(),
});
const HouseholdSchema = Type.Object({ householdId: Type.String(), members: Type.Array(MemberSchema) });
const DependantInput = Type.Object(
  { givenName: Name, familyName: Name, birthDate: BirthDate },
  { additionalProperties: false },
);
const DependantPatch = Type.Object(
  { givenName: Type.Optional(Name), familyName: Type.Optional(Name), birthDate: Type.Optional(BirthDate) },
  { additionalProperties: false },
);
const PersonParams = Type.Object({ personId: Uuid });
const err = { $ref: 'Error#' };

/** The signed-in person's profile and household (dependants they act for). */
export const peopleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;
  const tags = ['me'];

  app.get(
    '/me/profile',
    { schema: { tags, summary: 'Mon profil / My profile', response: { 200: ProfileSchema, 401: err } } },
    async (request) => getProfile({ db, auth: request.auth }),
  );
  app.patch(
    '/me/profile',
    {
      schema: {
        tags,
        summary: 'Modifier mon profil / Update my profile',
        body: ProfileInput,
        response: { 200: ProfileSchema, 400: err, 401: err },
      },
    },
    async (request) => updateProfile({ db, auth: request.auth, input: request.body }),
  );
  app.get(
    '/me/household',
    {
      schema: { tags, summary: 'Mon ménage / My household', response: { 200: HouseholdSchema, 401: err } },
    },
    async (request) => getHousehold({ db, auth: request.auth }),
  );
  app.post(
    '/me/household/dependants',
    {
      schema: {
        tags,
        summary: 'Ajouter une personne à charge / Add a dependant',
        body: DependantInput,
        response: { 201: MemberSchema, 400: err, 401: err, 403: err },
      },
    },
    async (request, reply) => {
      const member = await addDependant({
        db,
        auth: request.auth,
        locale: request.locale,
        input: request.body,
      });
      return reply.status(201).send(member);
    },
  );
  app.patch(
    '/me/household/dependants/:personId',
    {
      schema: {
        tags,
        summary: 'Modifier une personne à charge / Update a dependant',
        params: PersonParams,
        body: DependantPatch,
        response: { 200: MemberSchema, 400: err, 401: err, 403: err, 404: err, 422: err },
      },
    },
    async (request) =>
      updateDependant({
        db,
        auth: request.auth,
        locale: request.locale,
        personId: request.params.personId,
        input: request.body,
      }),
  );
  app.delete(
    '/me/household/dependants/:personId',
    {
      schema: {
        tags,
        summary: 'Retirer une personne à charge / Remove a dependant',
        params: PersonParams,
        response: { 204: Type.Null(), 401: err, 403: err, 404: err, 409: err, 422: err },
      },
    },
    async (request, reply) => {
      await removeDependant({ db, auth: request.auth, personId: request.params.personId });
      return reply.status(204).send(null);
    },
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Ok, Uuid } from '../../../platform/http/schemas.ts';
import { staffRecordRoutes } from '../site/staff-records.ts';
import { listStaffContacts, saveContact } from './contacts.ts';
import { bookAppointment, messageContact, regionContact, regionContacts } from './public-api.ts';
import {
  BookingInput,
  ContactInput,
  MessageInput,
  PublicContact,
  PublicSlot,
  SlotsInput,
  StaffSlot,
} from './schemas.ts';
import { addSlots, deleteSlot, listStaffSlots } from './slots.ts';

const err = { $ref: 'Error#' };
const tags = ['attraction: resource people'];
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 422: err, 429: err };
const Org = Type.String({ pattern: '^[a-z0-9-]{2,60}$' });
const Contact = Type.Ref('RegionContact');
/** The contact form and booking are open to anyone: a few per visitor address, then 429. */
const FORM_LIMIT = { rateLimit: { max: 5, timeWindow: '10 minutes' } };
const StaffContact = Type.Intersect([
  Type.Omit(PublicContact, []),
  Type.Object({ email: Type.String(), active: Type.Boolean() }),
]);

/** Resource people: public directory, contact form and booking; staff management of people and slots. */
export const contactRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;
  app.addSchema(PublicContact);

  app.get(
    '/orgs/:orgId/region/contacts',
    {
      schema: {
        tags,
        summary: 'Personnes-ressources (public) / Resource people (public)',
        params: Type.Object({ orgId: Org }),
        querystring: Type.Object({
          topic: Type.Optional(Type.String({ pattern: '^[a-z_]{2,30}$' })),
          language: Type.Optional(Type.String({ pattern: '^[a-z]{2}$' })),
        }),
        response: { 200: Type.Object({ items: Type.Array(Contact) }), 404: err },
      },
    },
    async (request) =>
      regionContacts({
        db,
        org: request.params.orgId,
        topic: request.query.topic,
        language: request.query.language,
      }),
  );
  app.get(
    '/orgs/:orgId/region/contacts/:contact',
    {
      schema: {
        tags,
        summary: 'Une personne-ressource et ses plages libres / A resource person and open slots',
        params: Type.Object({ orgId: Org, contact: Type.String({ pattern: '^[a-z0-9-]{2,80}$' }) }),
        response: { 200: Type.Object({ contact: Contact, slots: Type.Array(PublicSlot) }), 404: err },
      },
    },
    async (request) => regionContact({ db, org: request.params.orgId, idOrSlug: request.params.contact }),
  );
  app.post(
    '/orgs/:orgId/region/contacts/:contactId/messages',
    {
      config: FORM_LIMIT,
      schema: {
        tags,
        summary: 'Écrire à une personne-ressource / Write to a resource person',
        params: Type.Object({ orgId: Org, contactId: Uuid }),
        body: MessageInput,
        response: { 202: Ok, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(202).send(
        await messageContact({
          db,
          jobs: deps.jobs,
          org: request.params.orgId,
          contactId: request.params.contactId,
          input: request.body,
          locale: request.locale,
        }),
      ),
  );
  app.post(
    '/orgs/:orgId/region/slots/:slotId/booking',
    {
      config: FORM_LIMIT,
      schema: {
        tags,
        summary: 'Réserver une plage / Book a slot',
        params: Type.Object({ orgId: Org, slotId: Uuid }),
        body: BookingInput,
        response: {
          201: Type.Object({
            slotId: Type.String(),
            startsAt: Type.String(),
            endsAt: Type.String(),
            mode: Type.String(),
            contact: Type.String(),
            calendarUrl: Type.String(),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await bookAppointment({
          db,
          jobs: deps.jobs,
          org: request.params.orgId,
          slotId: request.params.slotId,
          input: request.body,
          locale: request.locale,
          publicUrl: deps.config.publicUrl,
        }),
      ),
  );

  staffRecordRoutes(app, {
    path: '/orgs/:orgId/region/staff/contacts',
    idParam: 'contactId',
    tags,
    summaries: {
      list: 'Personnes-ressources (personnel) / Resource people (staff)',
      add: 'Ajouter une personne-ressource / Add a resource person',
      change: 'Modifier une personne-ressource / Change a resource person',
    },
    body: ContactInput,
    view: StaffContact,
    errors,
    list: (c) => listStaffContacts({ db, ...c }),
    save: (c) => saveContact({ db, ...c, contactId: c.id }),
  });
  const SC = Type.Object({ orgId: Uuid, contactId: Uuid });
  app.get(
    '/orgs/:orgId/region/staff/contacts/:contactId/slots',
    {
      schema: {
        tags,
        summary: 'Plages et rendez-vous / Slots and appointments',
        params: SC,
        response: { 200: Type.Object({ items: Type.Array(StaffSlot) }), ...errors },
      },
    },
    async (request) =>
      listStaffSlots({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        contactId: request.params.contactId,
        ip: request.ip,
      }),
  );
  app.post(
    '/orgs/:orgId/region/staff/contacts/:contactId/slots',
    {
      schema: {
        tags,
        summary: 'Ouvrir des plages / Open slots',
        params: SC,
        body: SlotsInput,
        response: { 201: Type.Object({ ids: Type.Array(Type.String()) }), ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await addSlots({
          db,
          auth: request.auth,
          orgId: request.params.orgId,
          contactId: request.params.contactId,
          slots: request.body.slots,
          ip: request.ip,
        }),
      ),
  );
  app.delete(
    '/orgs/:orgId/region/staff/slots/:slotId',
    {
      schema: {
        tags,
        summary: 'Supprimer une plage libre / Delete an open slot',
        params: Type.Object({ orgId: Uuid, slotId: Uuid }),
        response: { 200: Ok, ...errors },
      },
    },
    async (request) =>
      deleteSlot({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        slotId: request.params.slotId,
        ip: request.ip,
      }),
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import { Page, PageQuery } from '../http/pagination.ts';
import { Ok, Uuid } from '../http/schemas.ts';
import { CATEGORIES } from './categories.ts';
import { countUnread } from './count-unread.ts';
import { deletePushSubscription } from './delete-push-subscription.ts';
import { getPreferences } from './get-preferences.ts';
import { listInbox } from './list-inbox.ts';
import { getPushSubscription, listPushSubscriptions } from './list-push-subscriptions.ts';
import { readAllInbox } from './read-all-inbox.ts';
import { readInboxItem } from './read-inbox-item.ts';
import { savePushSubscription } from './save-push-subscription.ts';
import { updatePreferences } from './update-preferences.ts';

const err = { $ref: 'Error#' };
const NullableString = Type.Union([Type.String(), Type.Null()]);
const ChannelSet = Type.Object(
  { email: Type.Boolean(), sms: Type.Boolean(), push: Type.Boolean(), inapp: Type.Boolean() },
  { additionalProperties: false },
);
const Bilingual = Type.Object({ fr: Type.String(), en: Type.String() });
const Preferences = Type.Object({
  categories: Type.Array(
    Type.Object({
      category: Type.String(),
      label: Bilingual,
      channels: ChannelSet,
      alwaysOn: Type.Boolean(),
    }),
  ),
  reachable: ChannelSet,
});
const PreferencesInput = Type.Object(
  {
    preferences: Type.Object(Object.fromEntries(CATEGORIES.map((c) => [c, Type.Optional(ChannelSet)])), {
      additionalProperties: false,
    }),
  },
  { additionalProperties: false },
);
const InboxItem = Type.Object({
  id: Type.String(),
  orgId: NullableString,
  category: Type.String(),
  title: Type.String(),
  body: Type.String(),
  url: NullableString,
  unsubscribeUrl: NullableString,
  createdAt: Type.String({ format: 'date-time' }),
  readAt: NullableString,
});
const Device = Type.Object({
  id: Type.String(),
  label: Type.String(),
  endpointOrigin: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastSuccessAt: NullableString,
});
const SubscriptionInput = Type.Object({
  endpoint: Type.String({ minLength: 10, maxLength: 2048 }),
  keys: Type.Object({
    p256dh: Type.String({ minLength: 1, maxLength: 200 }),
    auth: Type.String({ minLength: 1, maxLength: 100 }),
  }),
  label: Type.Optional(Type.String({ maxLength: 100 })),
  // PushSubscription.toJSON() also gives this; accepted and ignored.
  expirationTime: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
});

/** The signed-in person's own notifications: inbox, preferences, devices subscribed to push. */
export const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;
  const tags = ['notifications'];

  app.get(
    '/me/inbox',
    {
      schema: {
        tags,
        summary: 'Ma boîte de réception (non lus d’abord) / My inbox (unread first)',
        querystring: PageQuery,
        response: { 200: Type.Object({ ...Page(InboxItem).properties, unread: Type.Integer() }), 401: err },
      },
    },
    async (request) => listInbox({ db, auth: request.auth, query: request.query }),
  );
  app.get(
    '/me/inbox/unread-count',
    {
      schema: {
        tags,
        summary: 'Messages non lus / Unread messages',
        response: { 200: Type.Object({ unread: Type.Integer() }), 401: err },
      },
    },
    async (request) => countUnread({ db, auth: request.auth }),
  );
  app.post(
    '/me/inbox/read-all',
    {
      schema: {
        tags,
        summary: 'Tout marquer comme lu / Mark all read',
        response: { 200: Type.Object({ updated: Type.Integer() }), 401: err, 403: err },
      },
    },
    async (request) => readAllInbox({ db, auth: request.auth }),
  );
  app.post(
    '/me/inbox/:id/read',
    {
      schema: {
        tags,
        summary: 'Marquer un message comme lu / Mark one message read',
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Object({ id: Type.String(), readAt: Type.String() }), 401: err, 404: err },
      },
    },
    async (request) => readInboxItem({ db, auth: request.auth, id: request.params.id }),
  );

  app.get(
    '/me/notification-preferences',
    {
      schema: {
        tags,
        summary: 'Mes choix de notifications / My notification choices',
        response: { 200: Preferences, 401: err },
      },
    },
    async (request) => getPreferences({ db, auth: request.auth }),
  );
  app.put(
    '/me/notification-preferences',
    {
      schema: {
        tags,
        summary: 'Changer mes choix par catégorie et canal / Change my choices per category and channel',
        body: PreferencesInput,
        response: { 200: Preferences, 400: err, 401: err, 422: err },
      },
    },
    async (request) =>
      updatePreferences({
        db,
        auth: request.auth,
        input: request.body.preferences as Record<string, Static<typeof ChannelSet>>,
      }),
  );

  app.get(
    '/me/push-subscriptions',
    {
      schema: {
        tags,
        summary: 'Mes appareils abonnés / My subscribed devices',
        response: { 200: Type.Array(Device), 401: err },
      },
    },
    async (request) => listPushSubscriptions({ db, auth: request.auth }),
  );
  app.post(
    '/me/push-subscriptions',
    {
      schema: {
        tags,
        summary: 'Abonner cet appareil / Subscribe this device',
        body: SubscriptionInput,
        response: { 201: Device, 400: err, 401: err },
      },
    },
    async (request, reply) => {
      const device = await savePushSubscription({
        db,
        auth: request.auth,
        userAgent: request.headers['user-agent'],
        input: request.body,
      });
      return reply.status(201).send(device);
    },
  );
  app.get(
    '/me/push-subscriptions/:id',
    {
      schema: {
        tags,
        summary: 'Un appareil abonné / One subscribed device',
        params: Type.Object({ id: Uuid }),
        response: { 200: Device, 401: err, 404: err },
      },
    },
    async (request) => getPushSubscription({ db, auth: request.auth, id: request.params.id }),
  );
  app.delete(
    '/me/push-subscriptions/:id',
    {
      schema: {
        tags,
        summary: 'Désabonner un appareil / Unsubscribe a device',
        params: Type.Object({ id: Uuid }),
        response: { 200: Ok, 401: err, 404: err },
      },
    },
    async (request) => deletePushSubscription({ db, auth: request.auth, id: request.params.id }),
  );
};

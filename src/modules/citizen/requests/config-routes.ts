import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Ok, Uuid } from '../../../platform/http/schemas.ts';
import { deleteReplyTemplate } from './delete-reply-template.ts';
import { listCategories } from './list-categories.ts';
import { listDepartments } from './list-departments.ts';
import { listReplyTemplates } from './list-reply-templates.ts';
import { listStatuses } from './list-statuses.ts';
import { saveCategory } from './save-category.ts';
import { saveDepartment } from './save-department.ts';
import { saveReplyTemplate } from './save-reply-template.ts';
import { saveStatus } from './save-status.ts';
import {
  CategoryInput,
  CategorySchema,
  DepartmentInput,
  DepartmentMembersInput,
  DepartmentSchema,
  OrgParams,
  SettingsSchema,
  StatusDefinitionSchema,
  StatusInput,
  TemplateInput,
  TemplateSchema,
} from './schemas.ts';
import { setDepartmentMembers } from './set-department-members.ts';
import { updateRequestSettings } from './update-request-settings.ts';

const err = { $ref: 'Error#' };
const tags = ['requests (setup)'];
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err };
const ItemParams = Type.Object({ orgId: Uuid, id: Uuid });
const items = <T extends ReturnType<typeof Type.Object>>(schema: T) =>
  Type.Object({ items: Type.Array(schema) });

/** How an organisation sets requests up: categories and their fields, departments, statuses, answers, settings. */
export const requestConfigRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;

  app.get(
    '/orgs/:orgId/staff/request-categories',
    {
      schema: {
        tags,
        summary: 'Catégories (toutes) / Categories (all)',
        params: OrgParams,
        response: { 200: items(CategorySchema), ...errors },
      },
    },
    async (request) => ({
      items: await listCategories({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        includeInactive: true,
      }),
    }),
  );
  app.post(
    '/orgs/:orgId/staff/request-categories',
    {
      schema: {
        tags,
        summary: 'Créer une catégorie / Create a category',
        params: OrgParams,
        body: CategoryInput,
        response: { 201: CategorySchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await saveCategory({
          db,
          auth: request.auth,
          ip: request.ip,
          orgId: request.params.orgId,
          input: request.body,
        }),
      ),
  );
  app.put(
    '/orgs/:orgId/staff/request-categories/:id',
    {
      schema: {
        tags,
        summary: 'Modifier une catégorie / Update a category',
        params: ItemParams,
        body: CategoryInput,
        response: { 200: CategorySchema, ...errors },
      },
    },
    async (request) =>
      saveCategory({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        id: request.params.id,
        input: request.body,
      }),
  );

  app.get(
    '/orgs/:orgId/staff/request-departments',
    {
      schema: {
        tags,
        summary: 'Services / Departments',
        params: OrgParams,
        response: { 200: items(DepartmentSchema), ...errors },
      },
    },
    async (request) => ({
      items: await listDepartments({ db, auth: request.auth, orgId: request.params.orgId }),
    }),
  );
  app.post(
    '/orgs/:orgId/staff/request-departments',
    {
      schema: {
        tags,
        summary: 'Créer un service / Create a department',
        params: OrgParams,
        body: DepartmentInput,
        response: { 201: DepartmentSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await saveDepartment({
          db,
          auth: request.auth,
          ip: request.ip,
          orgId: request.params.orgId,
          input: request.body,
        }),
      ),
  );
  app.put(
    '/orgs/:orgId/staff/request-departments/:id',
    {
      schema: {
        tags,
        summary: 'Modifier un service / Update a department',
        params: ItemParams,
        body: DepartmentInput,
        response: { 200: DepartmentSchema, ...errors },
      },
    },
    async (request) =>
      saveDepartment({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        id: request.params.id,
        input: request.body,
      }),
  );

  app.put(
    '/orgs/:orgId/staff/request-departments/:id/members',
    {
      schema: {
        tags,
        summary: 'Équipe d’un service / Staff of a department',
        params: ItemParams,
        body: DepartmentMembersInput,
        response: { 200: DepartmentSchema, 422: err, ...errors },
      },
    },
    async (request) =>
      setDepartmentMembers({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        departmentId: request.params.id,
        input: request.body,
      }),
  );

  app.get(
    '/orgs/:orgId/staff/request-statuses',
    {
      schema: {
        tags,
        summary: 'Statuts / Statuses',
        params: OrgParams,
        response: { 200: items(StatusDefinitionSchema), ...errors },
      },
    },
    async (request) => ({
      items: await listStatuses({ db, auth: request.auth, orgId: request.params.orgId }),
    }),
  );
  app.post(
    '/orgs/:orgId/staff/request-statuses',
    {
      schema: {
        tags,
        summary: 'Créer un statut / Create a status',
        params: OrgParams,
        body: StatusInput,
        response: { 201: StatusDefinitionSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await saveStatus({
          db,
          auth: request.auth,
          ip: request.ip,
          orgId: request.params.orgId,
          input: request.body,
        }),
      ),
  );
  app.put(
    '/orgs/:orgId/staff/request-statuses/:id',
    {
      schema: {
        tags,
        summary: 'Modifier un statut / Update a status',
        params: ItemParams,
        body: StatusInput,
        response: { 200: StatusDefinitionSchema, ...errors },
      },
    },
    async (request) =>
      saveStatus({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        id: request.params.id,
        input: request.body,
      }),
  );

  app.get(
    '/orgs/:orgId/staff/request-templates',
    {
      schema: {
        tags,
        summary: 'Réponses types / Reply templates',
        params: OrgParams,
        response: { 200: items(TemplateSchema), ...errors },
      },
    },
    async (request) => ({
      items: await listReplyTemplates({ db, auth: request.auth, orgId: request.params.orgId }),
    }),
  );
  app.post(
    '/orgs/:orgId/staff/request-templates',
    {
      schema: {
        tags,
        summary: 'Créer une réponse type / Create a reply template',
        params: OrgParams,
        body: TemplateInput,
        response: { 201: TemplateSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await saveReplyTemplate({
          db,
          auth: request.auth,
          ip: request.ip,
          orgId: request.params.orgId,
          input: request.body,
        }),
      ),
  );
  app.put(
    '/orgs/:orgId/staff/request-templates/:id',
    {
      schema: {
        tags,
        summary: 'Modifier une réponse type / Update a reply template',
        params: ItemParams,
        body: TemplateInput,
        response: { 200: TemplateSchema, ...errors },
      },
    },
    async (request) =>
      saveReplyTemplate({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        id: request.params.id,
        input: request.body,
      }),
  );
  app.delete(
    '/orgs/:orgId/staff/request-templates/:id',
    {
      schema: {
        tags,
        summary: 'Supprimer une réponse type / Delete a reply template',
        params: ItemParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) =>
      deleteReplyTemplate({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        id: request.params.id,
      }),
  );

  app.put(
    '/orgs/:orgId/staff/request-settings',
    {
      schema: {
        tags,
        summary: 'Modifier les réglages / Update the settings',
        params: OrgParams,
        body: SettingsSchema,
        response: { 200: SettingsSchema, ...errors },
      },
    },
    async (request) =>
      updateRequestSettings({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        input: request.body,
      }),
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Email, Uuid } from '../http/schemas.ts';
import { grantStaffRole } from './grant-staff-role.ts';
import { listStaff } from './list-staff.ts';
import { revokeStaffRole } from './revoke-staff-role.ts';
import { RoleSchema } from './session-body.ts';

const StaffMemberSchema = Type.Object({
  accountId: Type.String(),
  email: Type.String(),
  givenName: Type.String(),
  familyName: Type.String(),
  roles: Type.Array(RoleSchema),
});
const err = { $ref: 'Error#' };

/** An organisation's staff and their roles, managed by its administrators. */
export const staffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;
  const tags = ['staff'];

  app.get(
    '/orgs/:orgId/staff',
    {
      schema: {
        tags,
        summary: 'Personnel de l’organisation / Organisation staff',
        params: Type.Object({ orgId: Uuid }),
        response: { 200: Type.Array(StaffMemberSchema), 401: err, 403: err, 404: err },
      },
    },
    async (request) => listStaff({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.post(
    '/orgs/:orgId/staff',
    {
      schema: {
        tags,
        summary: 'Donner un rôle / Grant a role',
        params: Type.Object({ orgId: Uuid }),
        body: Type.Object({ email: Email, role: RoleSchema }, { additionalProperties: false }),
        response: { 201: StaffMemberSchema, 400: err, 401: err, 403: err, 404: err },
      },
    },
    async (request, reply) => {
      const member = await grantStaffRole({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        input: request.body,
      });
      return reply.status(201).send(member);
    },
  );

  app.delete(
    '/orgs/:orgId/staff/:accountId/roles/:role',
    {
      schema: {
        tags,
        summary: 'Retirer un rôle / Revoke a role',
        params: Type.Object({ orgId: Uuid, accountId: Uuid, role: RoleSchema }),
        response: { 204: Type.Null(), 401: err, 403: err, 404: err, 409: err },
      },
    },
    async (request, reply) => {
      await revokeStaffRole({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        accountId: request.params.accountId,
        role: request.params.role,
      });
      return reply.status(204).send(null);
    },
  );
};

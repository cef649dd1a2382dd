import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '../../../platform/http/schemas.ts';
import { getAlertSettings, saveAlertSettings } from './alert-settings.ts';

const err = { $ref: 'Error#' };
const tags = ['citizen: alerts'];
const OrgParams = Type.Object({ orgId: Uuid });
const Settings = Type.Object({ eventAlertsNeedApproval: Type.Boolean() }, { additionalProperties: false });

/** The organisation's alert settings (how alerts raised by other modules' events go out). */
export const alertSettingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;
  const path = '/orgs/:orgId/citizen/staff/alert-settings';

  app.get(
    path,
    {
      schema: {
        tags,
        summary: 'Réglages des alertes / Alert settings',
        params: OrgParams,
        response: { 200: Settings, 401: err, 403: err },
      },
    },
    async (request) => getAlertSettings({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.put(
    path,
    {
      schema: {
        tags,
        summary: 'Modifier les réglages des alertes / Change alert settings',
        description:
          'Les alertes déclenchées par un événement (avis d’ébullition) attendent-elles une approbation? / Do alerts raised by an event (boil-water advisory) wait for approval?',
        params: OrgParams,
        body: Settings,
        response: { 200: Settings, 400: err, 401: err, 403: err },
      },
    },
    async (request) =>
      saveAlertSettings({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        input: request.body,
      }),
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Nullable, Uuid } from '../../../platform/http/schemas.ts';
import { acknowledgeAlarm, closeAlarm, listAlarms } from './alarms.ts';
import { chlorineLog } from './chlorine-log.ts';
import { complianceDashboard } from './compliance-dashboard.ts';
import { advanceExceedance, listExceedances } from './exceedances.ts';
import './messages.ts';
import { listOnCall, setOnCall } from './on-call.ts';
import { listOnCallCandidates } from './on-call-candidates.ts';
import { planSamples, recordLabResult, samplingCalendar } from './sampling.ts';
import { saveThreshold } from './save-threshold.ts';

const err = { $ref: 'Error#' };
const tags = ['operations: drinking water'];
const base = '/orgs/:orgId/operations/water';
const OrgParams = Type.Object({ orgId: Uuid });
const Bilingual = Type.Object({ fr: Type.String(), en: Type.String() });
// One type list, not a union: Ajv's coercion would turn a null (no lower or upper bound, no position) into 0.
const Num = Nullable(Type.Number());
const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' });

const AlarmSchema = Type.Object({
  id: Type.String(),
  stationId: Type.String(),
  station: Bilingual,
  measureCode: Type.String(),
  measure: Bilingual,
  unit: Type.String(),
  min: Num,
  max: Num,
  basis: Type.String(),
  severity: Type.String(),
  observedAt: Type.String(),
  value: Type.Number(),
  worstValue: Type.Number(),
  readingsOutOfRange: Type.Integer(),
  status: Type.String(),
  escalationLevel: Type.Integer(),
  acknowledgedAt: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  closedAt: Type.Union([Type.String(), Type.Null()]),
});

const ExceedanceSchema = Type.Object({
  id: Type.String(),
  sampleId: Type.String(),
  station: Bilingual,
  parameter: Type.String(),
  value: Type.Integer(),
  status: Type.String(),
  boilWaterNotice: Type.Boolean(),
  noticeIssuedAt: Type.Union([Type.String(), Type.Null()]),
  closedAt: Type.Union([Type.String(), Type.Null()]),
  takenAt: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});

const CalendarSchema = Type.Object({
  month: Type.String(),
  populationServed: Type.Union([Type.Integer(), Type.Null()]),
  required: Type.Union([Type.Integer(), Type.Null()]),
  extremityRequired: Type.Union([Type.Integer(), Type.Null()]),
  planned: Type.Integer(),
  taken: Type.Integer(),
  extremityTaken: Type.Integer(),
  samples: Type.Array(
    Type.Object({
      id: Type.String(),
      stationId: Type.String(),
      station: Bilingual,
      extremity: Type.Boolean(),
      plannedFor: Type.String(),
      purpose: Type.String(),
      status: Type.String(),
      takenAt: Type.Union([Type.String(), Type.Null()]),
      laboratory: Type.Union([Type.String(), Type.Null()]),
      eColi: Type.Union([Type.Integer(), Type.Null()]),
      totalColiforms: Type.Union([Type.Integer(), Type.Null()]),
      freeChlorine: Num,
      compliant: Type.Union([Type.Boolean(), Type.Null()]),
    }),
  ),
});

/** Drinking water: alarms and the on-call roster, thresholds, the s. 22 log, sampling, lab results, exceedances. */
export const waterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { database, jobs } = app.deps;
  const db = database.db;

  app.get(
    `${base}/dashboard`,
    {
      schema: {
        tags,
        summary: 'Tableau de conformité / Compliance dashboard',
        params: OrgParams,
        response: {
          200: Type.Object({
            stations: Type.Array(
              Type.Object({
                id: Type.String(),
                code: Type.String(),
                name: Bilingual,
                kind: Type.String(),
                measures: Type.Array(
                  Type.Object({
                    code: Type.String(),
                    name: Bilingual,
                    unit: Type.String(),
                    latest: Type.Union([
                      Type.Object({ at: Type.String(), value: Type.Number() }),
                      Type.Null(),
                    ]),
                    compliant: Type.Union([Type.Boolean(), Type.Null()]),
                  }),
                ),
              }),
            ),
            alarms: Type.Array(AlarmSchema),
            last30Days: Type.Object({ alarms: Type.Integer(), reports: Type.Integer() }),
            sampling: Type.Object({
              month: Type.String(),
              required: Type.Union([Type.Integer(), Type.Null()]),
              extremityRequired: Type.Union([Type.Integer(), Type.Null()]),
              planned: Type.Integer(),
              taken: Type.Integer(),
              extremityTaken: Type.Integer(),
            }),
            exceedances: Type.Array(ExceedanceSchema),
          }),
          401: err,
          403: err,
        },
      },
    },
    async (request) => complianceDashboard({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.get(
    `${base}/alarms`,
    {
      schema: {
        tags,
        summary: 'Alarmes / Alarms',
        params: OrgParams,
        querystring: Type.Object({
          status: Type.Optional(
            Type.Union([Type.Literal('open'), Type.Literal('acknowledged'), Type.Literal('closed')]),
          ),
        }),
        response: { 200: Type.Object({ items: Type.Array(AlarmSchema) }), 401: err, 403: err },
      },
    },
    async (request) =>
      listAlarms({ db, auth: request.auth, orgId: request.params.orgId, status: request.query.status }),
  );

  const AlarmParams = Type.Object({ orgId: Uuid, alarmId: Uuid });
  app.post(
    `${base}/alarms/:alarmId/acknowledge`,
    {
      schema: {
        tags,
        summary: 'Accuser réception d’une alarme / Acknowledge an alarm',
        params: AlarmParams,
        body: Type.Optional(
          Type.Object(
            { note: Type.Optional(Type.String({ maxLength: 2000 })) },
            { additionalProperties: false },
          ),
        ),
        response: { 200: AlarmSchema, 401: err, 403: err, 404: err, 409: err },
      },
    },
    async (request) =>
      acknowledgeAlarm({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        alarmId: request.params.alarmId,
        note: request.body?.note,
      }),
  );

  app.post(
    `${base}/alarms/:alarmId/close`,
    {
      schema: {
        tags,
        summary: 'Fermer une alarme / Close an alarm',
        params: AlarmParams,
        body: Type.Object(
          { note: Type.String({ minLength: 1, maxLength: 2000 }) },
          { additionalProperties: false },
        ),
        response: { 200: AlarmSchema, 400: err, 401: err, 403: err, 404: err, 409: err },
      },
    },
    async (request) =>
      closeAlarm({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        alarmId: request.params.alarmId,
        note: request.body.note,
      }),
  );

  const Roster = Type.Object({
    items: Type.Array(Type.Object({ accountId: Type.String(), level: Type.Integer(), name: Type.String() })),
  });
  app.get(
    `${base}/on-call`,
    {
      schema: {
        tags,
        summary: 'Garde / On-call roster',
        params: OrgParams,
        response: { 200: Roster, 401: err, 403: err },
      },
    },
    async (request) => listOnCall({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.get(
    `${base}/on-call/candidates`,
    {
      schema: {
        tags,
        summary: 'Personnes pouvant être de garde / Who may be on call',
        params: OrgParams,
        response: {
          200: Type.Object({
            escalateAfterMinutes: Type.Integer(),
            maxLevel: Type.Integer(),
            items: Type.Array(Type.Object({ accountId: Type.String(), name: Type.String() })),
          }),
          401: err,
          403: err,
        },
      },
    },
    async (request) => listOnCallCandidates({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.put(
    `${base}/on-call`,
    {
      schema: {
        tags,
        summary: 'Établir la garde / Set the on-call roster',
        params: OrgParams,
        body: Type.Object(
          {
            roster: Type.Array(
              Type.Object({ accountId: Uuid, level: Type.Integer({ minimum: 1, maximum: 3 }) }),
              {
                maxItems: 30,
              },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Roster, 400: err, 401: err, 403: err, 422: err },
      },
    },
    async (request) =>
      setOnCall({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        roster: request.body.roster,
      }),
  );

  app.put(
    '/orgs/:orgId/operations/measures/:measureId/thresholds',
    {
      schema: {
        tags,
        summary: 'Fixer un seuil / Set a threshold',
        params: Type.Object({ orgId: Uuid, measureId: Uuid }),
        body: Type.Object(
          {
            min: Num,
            max: Num,
            severity: Type.Union([Type.Literal('alarm'), Type.Literal('report')]),
            basis: Type.String({ minLength: 1, maxLength: 120 }),
            active: Type.Boolean(),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            id: Type.String(),
            min: Num,
            max: Num,
            severity: Type.String(),
            basis: Type.String(),
            active: Type.Boolean(),
          }),
          400: err,
          401: err,
          403: err,
          404: err,
          422: err,
        },
      },
    },
    async (request) =>
      saveThreshold({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        measureId: request.params.measureId,
        input: request.body,
      }),
  );

  app.get(
    `${base}/stations/:stationId/chlorine-log`,
    {
      schema: {
        tags,
        summary: 'Registre du chlore par période de 4 heures (art. 22) / 4-hour free-chlorine log (s. 22)',
        params: Type.Object({ orgId: Uuid, stationId: Uuid }),
        querystring: Type.Object({
          from: Type.String({ format: 'date' }),
          days: Type.Optional(Type.Integer({ minimum: 1, maximum: 31, default: 1 })),
        }),
        response: {
          200: Type.Object({
            station: Type.Object({
              id: Type.String(),
              code: Type.String(),
              name: Bilingual,
              populationServed: Type.Union([Type.Integer(), Type.Null()]),
            }),
            required: Type.Union([Type.Boolean(), Type.Null()]),
            threshold: Type.Number(),
            days: Type.Array(
              Type.Object({
                day: Type.String(),
                periods: Type.Array(
                  Type.Object({
                    periodStart: Type.String(),
                    minChlorine: Num,
                    at: Type.Union([Type.String(), Type.Null()]),
                    flow: Num,
                    volume: Num,
                    turbidity: Num,
                    compliant: Type.Union([Type.Boolean(), Type.Null()]),
                  }),
                ),
              }),
            ),
          }),
          401: err,
          403: err,
          404: err,
          422: err,
        },
      },
    },
    async (request) =>
      chlorineLog({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        stationId: request.params.stationId,
        from: request.query.from,
        days: request.query.days ?? 1,
      }),
  );

  app.get(
    `${base}/samples`,
    {
      schema: {
        tags,
        summary: 'Calendrier d’échantillonnage du mois / The month’s sampling calendar',
        params: OrgParams,
        querystring: Type.Object({ month: Month }),
        response: { 200: CalendarSchema, 401: err, 403: err },
      },
    },
    async (request) =>
      samplingCalendar({ db, auth: request.auth, orgId: request.params.orgId, month: request.query.month }),
  );

  app.post(
    `${base}/samples/plan`,
    {
      schema: {
        tags,
        summary: 'Planifier les échantillons du mois (art. 11–12) / Plan the month’s samples (s. 11–12)',
        params: OrgParams,
        body: Type.Object({ month: Month }, { additionalProperties: false }),
        response: { 200: CalendarSchema, 400: err, 401: err, 403: err, 422: err },
      },
    },
    async (request) =>
      planSamples({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        month: request.body.month,
      }),
  );

  app.post(
    `${base}/samples/:sampleId/result`,
    {
      schema: {
        tags,
        summary: 'Saisir un résultat de laboratoire / Enter a lab result',
        params: Type.Object({ orgId: Uuid, sampleId: Uuid }),
        body: Type.Object(
          {
            takenAt: Type.String({ format: 'date-time' }),
            laboratory: Type.String({ minLength: 1, maxLength: 200 }),
            eColi: Type.Integer({ minimum: 0, maximum: 100_000 }),
            totalColiforms: Type.Integer({ minimum: 0, maximum: 100_000 }),
            freeChlorine: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 10 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            id: Type.String(),
            compliant: Type.Boolean(),
            exceedances: Type.Array(
              Type.Object({
                id: Type.String(),
                parameter: Type.String(),
                value: Type.Integer(),
                boilWaterRecommended: Type.Boolean(),
              }),
            ),
            resamplesPlanned: Type.Integer(),
          }),
          400: err,
          401: err,
          403: err,
          404: err,
          409: err,
        },
      },
    },
    async (request) =>
      recordLabResult({
        db,
        jobs,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        sampleId: request.params.sampleId,
        input: request.body,
      }),
  );

  app.get(
    `${base}/exceedances`,
    {
      schema: {
        tags,
        summary: 'Dépassements / Exceedances',
        params: OrgParams,
        response: { 200: Type.Object({ items: Type.Array(ExceedanceSchema) }), 401: err, 403: err },
      },
    },
    async (request) => listExceedances({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.post(
    `${base}/exceedances/:exceedanceId/steps`,
    {
      schema: {
        tags,
        summary: 'Avis ou fermeture d’un dépassement / Notice or closing of an exceedance',
        params: Type.Object({ orgId: Uuid, exceedanceId: Uuid }),
        body: Type.Object(
          {
            step: Type.Union([Type.Literal('notice'), Type.Literal('close')]),
            boilWater: Type.Optional(Type.Boolean()),
            note: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: ExceedanceSchema, 400: err, 401: err, 403: err, 404: err, 409: err },
      },
    },
    async (request) =>
      advanceExceedance({
        db,
        deps: app.deps,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        exceedanceId: request.params.exceedanceId,
        input: request.body,
      }),
  );
};

// The citizen module's answer to the operations module's boil-water advisory: an emergency alert to the
// organisation's residents when the advisory is issued, and its cancellation when it is lifted. The two
// modules share only the event (platform/events), never an import.
import { desc, eq, inArray, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import type { PlatformDeps } from '../../../platform/deps.ts';
import type { DomainEvents } from '../../../platform/events/domain-events.ts';
import { getOrganisation } from '../../../platform/orgs/get-organisation.ts';
import { eventNeedsApproval } from './alert-settings.ts';
import { writeAlert } from './compose-alert.ts';
import { alerts, eventAlerts } from './schema.ts';
import type { AlertInput } from './schemas.ts';

type Advisory = DomainEvents['water.boil_water_advisory'];
const SOURCE = 'water.boil_water_advisory';
/** The CAP-CP event of a drinking-water advisory (event-codes.ts). */
export const BOIL_WATER_EVENT = 'drinkingWate';
// An alert may last at most 30 days (compose-alert.ts); a longer advisory is renewed by an update.
const ADVISORY_DAYS = 29;

/** The bilingual texts of the alert (issued) or of its cancellation (lifted). */
export function boilWaterInput(
  advisory: Advisory,
  org: { fr: string; en: string },
  requireApproval: boolean,
): AlertInput {
  const issued = advisory.state === 'issued';
  const days = issued ? ADVISORY_DAYS : 1;
  return {
    eventCode: BOIL_WATER_EVENT,
    urgency: issued ? 'Immediate' : 'Past',
    severity: issued ? 'Severe' : 'Minor',
    certainty: 'Observed',
    headline: issued
      ? { fr: `Avis d’ébullition de l’eau — ${org.fr}`, en: `Boil-water advisory — ${org.en}` }
      : { fr: `Levée de l’avis d’ébullition — ${org.fr}`, en: `Boil-water advisory lifted — ${org.en}` },
    description: issued
      ? {
          fr: `${advisory.reason.fr} (point de prélèvement : ${advisory.stationName.fr}). L’eau du réseau n’est pas sûre à boire sans l’avoir fait bouillir.`,
          en: `${advisory.reason.en} (sampling point: ${advisory.stationName.en}). Tap water is not safe to drink unless boiled.`,
        }
      : {
          fr: `Les nouveaux échantillons sont conformes (${advisory.stationName.fr}). L’avis d’ébullition est levé.`,
          en: `New samples meet the standard (${advisory.stationName.en}). The boil-water advisory is lifted.`,
        },
    instruction: issued
      ? {
          fr: 'Faites bouillir l’eau à gros bouillons pendant au moins une minute avant de la boire, de préparer des aliments, des breuvages ou des glaçons, ou de vous brosser les dents. Utilisez aussi de l’eau bouillie ou embouteillée pour les biberons.',
          en: 'Bring water to a rolling boil for at least one minute before drinking it, preparing food, drinks or ice, or brushing your teeth. Use boiled or bottled water for baby formula too.',
        }
      : {
          fr: 'Laissez couler l’eau froide quelques minutes avant de la consommer. Vous pouvez de nouveau boire l’eau du robinet.',
          en: 'Run the cold tap for a few minutes first. Tap water is safe to drink again.',
        },
    areaDesc: { fr: `Réseau d’aqueduc de ${org.fr}`, en: `${org.en} water system` },
    area: { kind: 'territory' },
    expiresAt: new Date(Date.now() + days * 86_400_000).toISOString(),
    test: false,
    requireApproval,
  };
}

async function issue(advisory: Advisory, deps: PlatformDeps): Promise<void> {
  const db = deps.database.db;
  // Claimed first with the unique (org, source, advisory) key: the same advisory published twice (or by
  // two processes at once) writes one alert.
  const [claim] = await db
    .insert(eventAlerts)
    .values(scopeOf(advisory.orgId).rows({ source: SOURCE, sourceId: advisory.advisoryId }))
    .onConflictDoNothing()
    .returning({ id: eventAlerts.id });
  if (!claim) return;
  try {
    const org = await getOrganisation({ db, idOrSlug: advisory.orgId });
    const view = await writeAlert({
      db,
      jobs: deps.jobs,
      publicUrl: deps.config.publicUrl,
      actorAccountId: advisory.actorAccountId,
      ip: null,
      orgId: advisory.orgId,
      input: boilWaterInput(advisory, org.name, await eventNeedsApproval(db, advisory.orgId)),
      msgType: 'Alert',
    });
    await db
      .update(eventAlerts)
      .set({ rootId: view.rootId })
      .where(inOrg(eventAlerts, advisory.orgId, eq(eventAlerts.id, claim.id)));
  } catch (error) {
    // Nothing went out: release the claim so that publishing the advisory again retries.
    await db.delete(eventAlerts).where(inOrg(eventAlerts, advisory.orgId, eq(eventAlerts.id, claim.id)));
    throw error;
  }
}

async function lift(advisory: Advisory, deps: PlatformDeps): Promise<void> {
  const db = deps.database.db;
  const { orgId } = advisory;
  const [link] = await db
    .update(eventAlerts)
    .set({ liftedAt: new Date() })
    .where(
      inOrg(
        eventAlerts,
        orgId,
        eq(eventAlerts.source, SOURCE),
        eq(eventAlerts.sourceId, advisory.advisoryId),
        isNull(eventAlerts.liftedAt),
      ),
    )
    .returning();
  if (!link?.rootId) return;
  try {
    // A message of the chain still waiting for approval will never be needed: it is withdrawn.
    const withdrawn = await db
      .update(alerts)
      .set({ state: 'rejected' })
      .where(inOrg(alerts, orgId, eq(alerts.rootId, link.rootId), eq(alerts.state, 'pending_approval')))
      .returning({ id: alerts.id });
    for (const w of withdrawn)
      await recordAudit(db, {
        orgId,
        actorAccountId: advisory.actorAccountId,
        action: 'citizen.alert_withdrawn',
        targetType: 'citizen_alert',
        targetId: w.id,
        details: { reason: SOURCE },
      });
    // The chain's current message (staff may have updated it meanwhile); none if it was cancelled.
    const [current] = await db
      .select({ id: alerts.id })
      .from(alerts)
      .where(
        inOrg(
          alerts,
          orgId,
          eq(alerts.rootId, link.rootId),
          eq(alerts.state, 'sent'),
          isNull(alerts.supersededAt),
          inArray(alerts.msgType, ['Alert', 'Update']),
        ),
      )
      .orderBy(desc(alerts.createdAt))
      .limit(1);
    if (!current) return;
    const org = await getOrganisation({ db, idOrSlug: orgId });
    await writeAlert({
      db,
      jobs: deps.jobs,
      publicUrl: deps.config.publicUrl,
      actorAccountId: advisory.actorAccountId,
      ip: null,
      orgId,
      input: boilWaterInput(advisory, org.name, await eventNeedsApproval(db, orgId)),
      msgType: 'Cancel',
      referencesId: current.id,
    });
  } catch (error) {
    await db
      .update(eventAlerts)
      .set({ liftedAt: null })
      .where(inOrg(eventAlerts, orgId, eq(eventAlerts.id, link.id)));
    throw error;
  }
}

/**
 * Subscriber of `water.boil_water_advisory`: issued → a bilingual `drinkingWate` alert to the whole
 * territory (or a draft for a second person when the organisation asks for approval); lifted → a CAP
 * `Cancel` referencing the chain's current message. Publishing the same state twice changes nothing.
 */
export async function alertOnBoilWaterAdvisory(advisory: Advisory, deps: PlatformDeps): Promise<void> {
  if (advisory.state === 'issued') await issue(advisory, deps);
  else await lift(advisory, deps);
}

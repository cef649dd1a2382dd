import { and, eq, lt, sql } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Database, Executor } from '../../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import {
  consultationMeetings,
  consultations,
  contributions,
  followers,
  meetingRegistrations,
  supports,
} from './schema.ts';

async function openConsultation(db: Executor, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(consultations)
    .where(inOrg(consultations, orgId, eq(consultations.id, id)));
  if (!row?.publishedAt) throw new AppError('consultation.not_found', 404);
  if (row.closedAt) throw new AppError('consultation.closed', 422);
  return row;
}

/** A signed-in person comments, replies to a comment, or makes a proposal (published at once, then reviewed). */
export async function contribute(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  consultationId: string;
  input: { kind: 'comment' | 'proposal'; body: string; title?: string; parentId?: string };
}): Promise<{ id: string }> {
  const who = requireAccount(options.auth);
  const consultation = await openConsultation(options.db, options.orgId, options.consultationId);
  const { input } = options;
  if (input.kind === 'proposal' && !input.title?.trim())
    throw new AppError('consultation.title_required', 422);
  if (input.parentId) {
    const [parent] = await options.db
      .select()
      .from(contributions)
      .where(
        inOrg(
          contributions,
          options.orgId,
          eq(contributions.id, input.parentId),
          eq(contributions.consultationId, consultation.id),
        ),
      );
    if (parent?.kind !== 'comment' || input.kind !== 'comment')
      throw new AppError('consultation.reply_to_comment', 422);
  }
  const account = who.account;
  const [row] = await options.db
    .insert(contributions)
    .values(
      scopeOf(options.orgId).rows({
        consultationId: consultation.id,
        kind: input.kind,
        parentId: input.parentId ?? null,
        accountId: account.id,
        // A given name and an initial: enough to converse, not enough to find someone's address.
        authorName: `${account.givenName} ${account.familyName.slice(0, 1)}.`,
        title: input.kind === 'proposal' ? (input.title ?? '').trim() : null,
        body: input.body.trim(),
      }),
    )
    .returning({ id: contributions.id });
  if (!row) throw new Error('contribution insert returned no row');
  return row;
}

/** A person supports a proposal once (the unique key decides; the count moves in the same transaction). */
export async function support(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  contributionId: string;
}) {
  const who = requireAccount(options.auth);
  return options.db.transaction(async (tx) => {
    const [proposal] = await tx
      .select()
      .from(contributions)
      .where(
        inOrg(
          contributions,
          options.orgId,
          eq(contributions.id, options.contributionId),
          eq(contributions.status, 'published'),
        ),
      );
    if (!proposal) throw new AppError('consultation.contribution_not_found', 404);
    if (proposal.kind !== 'proposal') throw new AppError('consultation.not_a_proposal', 422);
    await openConsultation(tx, options.orgId, proposal.consultationId);
    const added = await tx
      .insert(supports)
      .values(scopeOf(options.orgId).rows({ contributionId: proposal.id, accountId: who.account.id }))
      .onConflictDoNothing()
      .returning({ id: supports.id });
    if (added.length === 0) throw new AppError('consultation.already_supported', 409);
    const [updated] = await tx
      .update(contributions)
      .set({ supports: sql`${contributions.supports} + 1` })
      .where(inOrg(contributions, options.orgId, eq(contributions.id, proposal.id)))
      .returning({ supports: contributions.supports });
    return { supports: updated?.supports ?? proposal.supports + 1 };
  });
}

/** A person follows a consultation or stops following it. */
export async function follow(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  consultationId: string;
  following: boolean;
}) {
  const who = requireAccount(options.auth);
  const [row] = await options.db
    .select({ id: consultations.id, publishedAt: consultations.publishedAt })
    .from(consultations)
    .where(inOrg(consultations, options.orgId, eq(consultations.id, options.consultationId)));
  if (!row?.publishedAt) throw new AppError('consultation.not_found', 404);
  if (options.following) {
    await options.db
      .insert(followers)
      .values(scopeOf(options.orgId).rows({ consultationId: row.id, accountId: who.account.id }))
      .onConflictDoNothing();
  } else {
    await options.db
      .delete(followers)
      .where(
        inOrg(
          followers,
          options.orgId,
          eq(followers.consultationId, row.id),
          eq(followers.accountId, who.account.id),
        ),
      );
  }
  return { following: options.following };
}

/**
 * A person takes a seat at a public meeting: one conditional UPDATE takes the seat only while seats are
 * left, and the registration's unique key refuses a second seat for the same person, in one transaction.
 */
export async function registerForMeeting(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  meetingId: string;
}) {
  const who = requireAccount(options.auth);
  return options.db.transaction(async (tx) => {
    const [meeting] = await tx
      .select()
      .from(consultationMeetings)
      .where(inOrg(consultationMeetings, options.orgId, eq(consultationMeetings.id, options.meetingId)));
    if (!meeting) throw new AppError('consultation.meeting_not_found', 404);
    await openConsultation(tx, options.orgId, meeting.consultationId);
    const mine = await tx
      .insert(meetingRegistrations)
      .values(scopeOf(options.orgId).rows({ meetingId: meeting.id, accountId: who.account.id }))
      .onConflictDoNothing()
      .returning({ id: meetingRegistrations.id });
    if (mine.length === 0) throw new AppError('consultation.already_registered', 409);
    const [seat] = await tx
      .update(consultationMeetings)
      .set({ registered: sql`${consultationMeetings.registered} + 1` })
      .where(
        and(
          inOrg(consultationMeetings, options.orgId, eq(consultationMeetings.id, meeting.id)),
          lt(consultationMeetings.registered, consultationMeetings.capacity),
        ),
      )
      .returning({ registered: consultationMeetings.registered, capacity: consultationMeetings.capacity });
    if (!seat) throw new AppError('consultation.meeting_full', 409);
    return { seatsLeft: seat.capacity - seat.registered };
  });
}

/** A person gives their own seat back (nobody else's: the registration is looked up by their account). */
export async function cancelMeetingRegistration(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  meetingId: string;
}) {
  const who = requireAccount(options.auth);
  return options.db.transaction(async (tx) => {
    const removed = await tx
      .delete(meetingRegistrations)
      .where(
        inOrg(
          meetingRegistrations,
          options.orgId,
          eq(meetingRegistrations.meetingId, options.meetingId),
          eq(meetingRegistrations.accountId, who.account.id),
        ),
      )
      .returning({ id: meetingRegistrations.id });
    if (removed.length === 0) throw new AppError('consultation.meeting_not_found', 404);
    await tx
      .update(consultationMeetings)
      .set({ registered: sql`${consultationMeetings.registered} - 1` })
      .where(inOrg(consultationMeetings, options.orgId, eq(consultationMeetings.id, options.meetingId)));
    return { ok: true as const };
  });
}

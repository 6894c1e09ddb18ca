import { and, asc, count, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { divisions, leadingGroupMembers, leadingGroups, people, positionHolders, positions, type GroupRole } from '../tables.js';

/** A holding with the holder's name, as presenters show it. */
export interface HoldingRow {
  positionId: string;
  personId: string;
  name: string;
  fromDate: string;
  toDate: string | null;
}

const holdingColumns = {
  positionId: positionHolders.positionId,
  personId: positionHolders.personId,
  name: people.name,
  fromDate: positionHolders.fromDate,
  toDate: positionHolders.toDate,
};

/** The holdings of the given positions in force on `date` (at most one per position, O4). */
export async function holdingsOn(db: Db, positionIds: string[], date: string): Promise<Map<string, HoldingRow>> {
  if (positionIds.length === 0) return new Map();
  const rows = await db
    .select(holdingColumns)
    .from(positionHolders)
    .innerJoin(people, eq(people.id, positionHolders.personId))
    .where(
      and(
        inArray(positionHolders.positionId, positionIds),
        lte(positionHolders.fromDate, date),
        or(isNull(positionHolders.toDate), gte(positionHolders.toDate, date)),
      ),
    );
  return new Map(rows.map((r) => [r.positionId, r]));
}

export async function findPosition(db: Db, id: string) {
  const [row] = await db.select().from(positions).where(eq(positions.id, id));
  return row;
}

/** An agency's positions (or one position) with their division and the holder on `date` (null = vacant). */
export async function listPositions(db: Db, which: { agencyId: string } | { id: string }, date: string) {
  const rows = await db
    .select({ position: positions, divisionName: divisions.name })
    .from(positions)
    .leftJoin(divisions, eq(divisions.id, positions.divisionId))
    .where('id' in which ? eq(positions.id, which.id) : eq(positions.agencyId, which.agencyId))
    .orderBy(asc(positions.sortOrder), asc(positions.title));
  const holders = await holdingsOn(db, rows.map((r) => r.position.id), date);
  return rows.map((r) => ({ ...r, holder: holders.get(r.position.id) ?? null }));
}

/** Everyone who has held a position, oldest first. */
export async function holderHistory(db: Db, positionId: string): Promise<HoldingRow[]> {
  return db
    .select(holdingColumns)
    .from(positionHolders)
    .innerJoin(people, eq(people.id, positionHolders.personId))
    .where(eq(positionHolders.positionId, positionId))
    .orderBy(asc(positionHolders.fromDate));
}

export async function findGroup(db: Db, id: string) {
  const [row] = await db.select().from(leadingGroups).where(eq(leadingGroups.id, id));
  return row;
}

/** An agency's leading groups with their office division and number of seats. */
export async function listGroups(db: Db, agencyId: string) {
  const seats = db
    .select({ groupId: leadingGroupMembers.groupId, seats: count().as('seats') })
    .from(leadingGroupMembers)
    .where(eq(leadingGroupMembers.agencyId, agencyId))
    .groupBy(leadingGroupMembers.groupId)
    .as('seats');
  const rows = await db
    .select({ group: leadingGroups, officeDivisionName: divisions.name, seats: seats.seats })
    .from(leadingGroups)
    .leftJoin(divisions, eq(divisions.id, leadingGroups.officeDivisionId))
    .leftJoin(seats, eq(seats.groupId, leadingGroups.id))
    .where(eq(leadingGroups.agencyId, agencyId))
    .orderBy(asc(leadingGroups.name));
  return rows.map((r) => ({ ...r, seats: Number(r.seats ?? 0) }));
}

const ROLE_RANK: Record<GroupRole, number> = { leader: 0, deputy_leader: 1, member: 2 };

/**
 * A leading group as it stands on `date` (O4): each seat names a position, and the member in that
 * seat is whoever held the position on that date — null when it was vacant. The group's rows are
 * never rewritten when a person changes; only the holdings of the positions are.
 */
export async function resolveGroup(db: Db, groupId: string, date: string) {
  const [row] = await db
    .select({ group: leadingGroups, officeDivisionName: divisions.name })
    .from(leadingGroups)
    .leftJoin(divisions, eq(divisions.id, leadingGroups.officeDivisionId))
    .where(eq(leadingGroups.id, groupId));
  if (!row) return undefined;
  const seats = await db
    .select({
      role: leadingGroupMembers.role,
      sortOrder: leadingGroupMembers.sortOrder,
      positionId: positions.id,
      positionTitle: positions.title,
    })
    .from(leadingGroupMembers)
    .innerJoin(positions, eq(positions.id, leadingGroupMembers.positionId))
    .where(eq(leadingGroupMembers.groupId, groupId));
  seats.sort((a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role] || a.sortOrder - b.sortOrder);
  const holders = await holdingsOn(db, seats.map((s) => s.positionId), date);
  return { ...row, date, members: seats.map((s) => ({ ...s, holder: holders.get(s.positionId) ?? null })) };
}

export type ResolvedGroup = NonNullable<Awaited<ReturnType<typeof resolveGroup>>>;
export type PositionRow = Awaited<ReturnType<typeof listPositions>>[number];
export type GroupListRow = Awaited<ReturnType<typeof listGroups>>[number];

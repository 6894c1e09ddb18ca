import { z } from 'zod';
import type { GroupListRow, HoldingRow, PositionRow, ResolvedGroup } from './queries.js';

export const GROUP_ROLES = ['leader', 'deputy_leader', 'member'] as const;

/** Who held a position and when (O4). Only the name leaves: no ID number, phone or photo. */
export const holderOut = z.object({
  personId: z.uuid(),
  name: z.string(),
  from: z.string().describe('YYYY-MM-DD'),
  to: z.string().nullable().describe('YYYY-MM-DD; null = still in post'),
});

export const positionOut = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  title: z.string(),
  divisionId: z.uuid().nullable(),
  divisionName: z.string().nullable(),
  sortOrder: z.number(),
  currentHolder: holderOut.nullable().describe('null = vacant today'),
});

export const groupSummaryOut = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  name: z.string(),
  purpose: z.string().nullable(),
  officeDivisionId: z.uuid().nullable(),
  officeDivisionName: z.string().nullable(),
  establishedOn: z.string().nullable(),
  seats: z.number(),
});

export const groupOut = groupSummaryOut.omit({ seats: true }).extend({
  date: z.string().describe('The date the members were resolved at (YYYY-MM-DD)'),
  members: z.array(
    z.object({
      role: z.enum(GROUP_ROLES),
      positionId: z.uuid(),
      positionTitle: z.string(),
      holder: holderOut.nullable().describe('null = the position was vacant on that date'),
    }),
  ),
  /** Whether the caller may change the group (the UI does not re-derive permissions). */
  canManage: z.boolean(),
});

export function presentHolder(h: HoldingRow): z.infer<typeof holderOut> {
  return { personId: h.personId, name: h.name, from: h.fromDate, to: h.toDate };
}

export function presentPosition(r: PositionRow): z.infer<typeof positionOut> {
  const p = r.position;
  return {
    id: p.id,
    agencyId: p.agencyId,
    title: p.title,
    divisionId: p.divisionId,
    divisionName: r.divisionName,
    sortOrder: p.sortOrder,
    currentHolder: r.holder ? presentHolder(r.holder) : null,
  };
}

export function presentGroupSummary(r: GroupListRow): z.infer<typeof groupSummaryOut> {
  const g = r.group;
  return {
    id: g.id,
    agencyId: g.agencyId,
    name: g.name,
    purpose: g.purpose,
    officeDivisionId: g.officeDivisionId,
    officeDivisionName: r.officeDivisionName,
    establishedOn: g.establishedOn,
    seats: r.seats,
  };
}

export function presentGroup(r: ResolvedGroup, canManage: boolean): z.infer<typeof groupOut> {
  const g = r.group;
  return {
    id: g.id,
    agencyId: g.agencyId,
    name: g.name,
    purpose: g.purpose,
    officeDivisionId: g.officeDivisionId,
    officeDivisionName: r.officeDivisionName,
    establishedOn: g.establishedOn,
    date: r.date,
    members: r.members.map((m) => ({
      role: m.role,
      positionId: m.positionId,
      positionTitle: m.positionTitle,
      holder: m.holder ? presentHolder(m.holder) : null,
    })),
    canManage,
  };
}

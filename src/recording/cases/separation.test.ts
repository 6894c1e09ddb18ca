import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { sampleDocumentFields } from '../../demo/document-fields.js';
import { createUser } from '../../accounts/manage-users.js';
import { createPerson } from '../../organisation/people/create-person.js';
import { tinyPng } from '../../organisation/people/test-support.js';
import { createTestApp, loginAs, type Session, type TestContext } from '../../../test/harness.js';
import { fakeIdNumber, PASSWORD } from '../../../test/factories.js';
import { buildRecordingWorld, partyCompany, recordingSessions, type RecordingWorld } from '../../../test/recording-world.js';
import { docTypeOf } from '../documents/library.js';
import { PROCEDURES } from '../workflows/procedures/index.js';
import { CLOSED, type GuardName, type Procedure, type StepDef } from '../workflows/types.js';

/*
 * Separation of duties in case workflows (issue 7: "the requester never approves"). For every step
 * of every transitions table that approves another step, a case is driven there with the proposal
 * made by a user who is both officer and agency leader; that user's approval is refused and leaves
 * no trace, another leader's succeeds. The cases come from the tables, not from a hand-made list.
 */

let ctx: TestContext;
let world: RecordingWorld;
let s: Awaited<ReturnType<typeof recordingSessions>>;
/** An officer who is also an agency leader, with a person record and a valid certificate. */
let dual: Session;
let dualUserId: string;
let dualPersonId: string;

beforeAll(async () => {
  ctx = await createTestApp({ now: '2026-11-23T01:00:00Z', config: { sessionTtlMinutes: 60 * 24 * 365 } }); // Mon 09:00 in China
  world = await buildRecordingWorld(ctx.database);
  const system = { actor: null, now: ctx.clock.now() };
  const made = await ctx.database.db.transaction(async (tx) => {
    const person = await createPerson(tx, system, world.agencyA.id, {
      name: '杨帆',
      idNumber: fakeIdNumber(),
      certificateNumber: '53230001009',
      certificateIssuedOn: '2024-01-01',
      certificateExpiresOn: '2029-12-31',
      certificateStatus: 'active',
      categories: ['penalty', 'inspection', 'licensing', 'coercion', 'levy'],
    });
    const user = await createUser(tx, system, { username: 'dual_a', displayName: '杨帆', password: PASSWORD, agencyId: world.agencyA.id, roles: ['officer', 'agency_leader'], personId: person.id });
    return { person, user };
  });
  dualPersonId = made.person.id;
  dualUserId = made.user.id;
  s = await recordingSessions(ctx);
  dual = await loginAs(ctx.app, 'dual_a', PASSWORD);
});
afterAll(() => ctx.close());

const today = () => new Date(ctx.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Guards that wait for a date or need a particular earlier outcome: paths avoid them. */
const AVOIDED_GUARDS: readonly GuardName[] = ['hearing_request_in_time', 'hearing_notice_period', 'hearing_date_reached', 'hearing_eligible', 'problem_found', 'summary_limits'];

/**
 * The shortest run of steps from the procedure's initial state to where `approval` can be taken,
 * completing the steps it approves and whatever steps on the way require.
 */
function pathTo(p: Procedure, approval: StepDef): StepDef[] {
  const usable = p.steps.filter((x) => x !== approval && x.to !== CLOSED && !x.effect?.startsWith('refer') && !(x.guards ?? []).some((g) => AVOIDED_GUARDS.includes(g)));
  // A step that waits for the party's windows (行政处罚法第六十二条) is taken only after the party's waivers from
  // its state: they close the windows that would hold it back (the decision, and anything after it).
  const waiversFrom = (state: string) => usable.filter((x) => x.id.startsWith('waive_') && x.from.includes(state)).map((x) => x.id);
  const waitsForParty = (x: StepDef) => (x.guards ?? []).includes('defence_window_closed');
  const relevant = new Set([...(approval.approves ?? []), ...p.steps.flatMap((x) => x.requires ?? []), ...usable.filter((x) => x.id.startsWith('waive_')).map((x) => x.id)]);
  type Node = { state: string; done: string[]; path: StepDef[] };
  const key = (n: Node) => `${n.state}|${[...n.done].sort().join(',')}`;
  const ready = (x: StepDef, n: Node) => (x.requires ?? []).every((r) => n.done.includes(r)) && (!waitsForParty(x) || waiversFrom(n.state).every((w) => n.done.includes(w)));
  const queue: Node[] = [{ state: p.initial, done: [], path: [] }];
  const seen = new Set([key(queue[0]!)]);
  while (queue.length) {
    const n = queue.shift()!;
    if (approval.from.includes(n.state) && approval.approves!.every((a) => n.done.includes(a)) && ready(approval, n)) return n.path;
    for (const x of usable.filter((u) => u.from.includes(n.state) && ready(u, n))) {
      const next = { state: x.to, done: relevant.has(x.id) && !n.done.includes(x.id) ? [...n.done, x.id] : n.done, path: [...n.path, x] };
      if (!seen.has(key(next))) {
        seen.add(key(next));
        queue.push(next);
      }
    }
  }
  throw new Error(`${p.id}: no path to ${approval.id}`);
}

type JsonSchema = { type?: string; format?: string; const?: unknown; enum?: unknown[]; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema; minItems?: number; minimum?: number; maximum?: number };

/** Valid step data from the step's own schema: its required fields, officers named. */
function sampleData(step: StepDef): Record<string, unknown> {
  const overrides: Record<string, unknown> = {
    officers: [
      { personId: dualPersonId, role: 'leader' },
      { personId: world.people.wang.id, role: 'member' },
    ],
    statutoryAuthority: '《中华人民共和国税收征收管理法》第三十八条', // 行政强制法第二十九条: a statute empowers the freeze
    accountNumber: '2503001009200012345',
    // A fine, so that a deferral can be applied for and approved (行政处罚法第六十六条第二款), on a schedule adding up to it.
    fineAmount: 1000,
    instalments: [{ dueOn: '2026-12-31', amount: 1000 }],
    payBy: '2026-12-31',
  };
  const sample = (schema: JsonSchema, name: string): unknown => {
    if (name in overrides) return overrides[name];
    if (schema.const !== undefined) return schema.const;
    if (schema.enum) return schema.enum[0];
    switch (schema.type) {
      case 'object':
        return Object.fromEntries(
          Object.entries(schema.properties ?? {})
            .filter(([k]) => schema.required?.includes(k) || k in overrides)
            .map(([k, v]) => [k, sample(v, k)]),
        );
      case 'array':
        return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () => sample(schema.items ?? {}, ''));
      case 'string':
        return schema.format === 'date' ? today() : schema.format === 'date-time' ? `${today()}T09:00` : `分离测试${name}`;
      case 'integer':
      case 'number':
        return Math.min(Math.max(schema.minimum ?? 0, 100), schema.maximum ?? Infinity);
      case 'boolean':
        return false;
      default:
        throw new Error(`no sample for ${step.id}.${name}: ${JSON.stringify(schema)}`);
    }
  };
  const data = sample(z.toJSONSchema(step.data) as JsonSchema, '') as Record<string, unknown>;
  expect(step.data.safeParse(data).success, `${step.id} sample data`).toBe(true);
  return data;
}

const stepBody = (step: StepDef) => ({
  step: step.id,
  data: sampleData(step),
  documents: step.documents.map((docType) => ({
    docType,
    fields: sampleDocumentFields(docType, today()),
    ...(docTypeOf(docType).needsSignature ? { signature: { imageDataUrl: `data:image/png;base64,${tinyPng(3).toString('base64')}` } } : {}),
  })),
  waivers: step.av ? { av: '执法记录仪故障，未能录像，已在笔录中注明' } : {},
});

const ITEM_OF = { inspection: 'inspection', penalty: 'penalty', licensing: 'licensing', coercion: 'coercion', levy: 'levy' } as const;

async function openCase(p: Procedure): Promise<string> {
  const res = await s.li.post('/api/cases', {
    procedure: p.id,
    powerItemId: world.items[ITEM_OF[p.category]].id,
    title: `职责分离测试（${p.zh}）`,
    source: p.category === 'licensing' ? 'application' : 'plan',
    // 行政许可法第三十二条: an application records the day its materials were received.
    sourceDetail: { content: '职责分离测试', ...(p.category === 'licensing' ? { receivedOn: new Date(ctx.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10) } : {}) },
    parties: [partyCompany()],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function complete(session: Session, caseId: string, step: StepDef) {
  const res = await session.post(`/api/cases/${caseId}/steps`, stepBody(step));
  expect(res.statusCode, `${step.id}: ${res.body}`).toBe(200);
}

/** Who completes a step on the way: the dual user makes the proposal, leader_a other approvals, li the rest. */
const actorFor = (approval: StepDef, step: StepDef): Session =>
  approval.approves!.includes(step.id) ? dual : step.permission === 'case.approve' ? s.leader : s.li;

const page = async (session: Session, caseId: string) => {
  const res = await session.get(`/api/cases/${caseId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { step: string; nextSteps: { id: string; permitted: boolean; blocked: unknown }[] };
};

/** What a refused step must leave untouched: the case's state and head, its events, documents and numbers. */
async function recordOf(caseId: string) {
  const { rows } = (await ctx.database.db.execute(sql`select
      (select step || ' ' || head_seq from cases where id = ${caseId}) as head,
      (select count(*)::int from case_events where case_id = ${caseId}) as events,
      (select count(*)::int from documents where case_id = ${caseId}) as documents,
      (select coalesce(sum(last_serial), 0)::int from document_counters where agency_id = ${world.agencyA.id}) as numbers`)) as unknown as {
    rows: Record<string, unknown>[];
  };
  return rows[0];
}

const APPROVALS = PROCEDURES.flatMap((p) => p.steps.filter((x) => x.approves?.length).map((approval) => ({ name: `${p.id}.${approval.id}`, p, approval })));

describe('the proposer never approves their own proposal (issue 7)', () => {
  it('covers every approval the transitions tables declare', () => {
    expect(APPROVALS.map((a) => a.name)).toEqual(
      expect.arrayContaining(['penalty_general.approve_filing', 'inspection.approve_outcome', 'coercion.approve_measure', 'levy.decide', 'licensing.grant']),
    );
    for (const a of APPROVALS) expect(pathTo(a.p, a.approval).some((x) => a.approval.approves!.includes(x.id)), a.name).toBe(true);
  });

  it.each(APPROVALS)('$name: an officer-leader who made the proposal is refused; another leader approves', async ({ p, approval }) => {
    const caseId = await openCase(p);
    for (const step of pathTo(p, approval)) await complete(actorFor(approval, step), caseId, step);

    const shown = (await page(dual, caseId)).nextSteps.find((n) => n.id === approval.id);
    const refusalDetails = { reason: 'own_proposal', step: approval.id, approves: approval.approves };
    expect(shown).toMatchObject({ permitted: false, blocked: { code: 'SELF_APPROVAL_FORBIDDEN', details: refusalDetails } });
    const forLeader = (await page(s.leader, caseId)).nextSteps.find((n) => n.id === approval.id)!;
    expect(forLeader.permitted).toBe(true);
    expect(forLeader.blocked).not.toMatchObject({ code: 'SELF_APPROVAL_FORBIDDEN' }); // a time window may still show (the defence window)

    const before = await recordOf(caseId);
    const refused = await dual.post(`/api/cases/${caseId}/steps`, stepBody(approval));
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'SELF_APPROVAL_FORBIDDEN', details: refusalDetails });
    expect(await recordOf(caseId)).toEqual(before);

    await complete(s.leader, caseId, approval);
    expect((await page(s.leader, caseId)).step).toBe(approval.to);
  });

  it('judges the current round: a proposal returned and made again is approved as made again', async () => {
    const p = PROCEDURES.find((x) => x.id === 'inspection')!;
    const approval = p.steps.find((x) => x.id === 'approve_outcome')!;
    const propose = p.steps.find((x) => x.id === 'propose_outcome')!;
    const giveBack = p.steps.find((x) => x.id === 'return_outcome')!;
    const caseId = await openCase(p);
    const path = pathTo(p, approval);
    for (const step of path.filter((x) => x !== propose)) await complete(s.li, caseId, step);

    await complete(s.li, caseId, propose); // round 1: li's proposal, returned
    await complete(s.leader, caseId, giveBack);
    await complete(dual, caseId, propose); // round 2: the dual user's own proposal
    const refused = await dual.post(`/api/cases/${caseId}/steps`, stepBody(approval));
    expect(refused.json().error?.code).toBe('SELF_APPROVAL_FORBIDDEN');
    await complete(s.leader, caseId, giveBack); // returning approves nothing: no exemption needed
    await complete(s.li, caseId, propose); // round 3: li's again, so the dual user may approve
    expect((await page(dual, caseId)).nextSteps.find((n) => n.id === approval.id)).toMatchObject({ permitted: true, blocked: null });
    await complete(dual, caseId, approval);
    const events = (await ctx.database.db.execute(
      sql`select actor_user_id, payload->>'step' as step from case_events where case_id = ${caseId} and type = 'step.completed' order by seq desc limit 2`,
    )) as unknown as { rows: { actor_user_id: string; step: string }[] };
    expect(events.rows.map((r) => [r.step, r.actor_user_id === dualUserId])).toEqual([
      ['approve_outcome', true],
      ['propose_outcome', false],
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestContext } from '../../test/harness.js';
import { AUDIT_ACTIONS, isAuditAction } from '../audit/actions.js';
import { auditDetailSchema } from '../audit/record.js';
import { CASE_EVENT_TYPES, isCaseEventType } from '../recording/case-events.js';
import { caseEventPayloadSchema } from '../recording/chain.js';
import { DEMO_PASSWORD, seedDemoIfEmpty } from './seed.js';

/*
 * Issue 8: every payload and detail stored by the demo — its agencies, people and cases run through
 * the use cases, and a staff member reading them — is one the catalogues describe, so a reader can
 * parse what it reads (src/recording/case-events.ts, src/audit/actions.ts).
 */

let t: TestContext;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoIfEmpty(t.deps);
  const officer = await loginAs(t.app, 'cx.gxj.officer', DEMO_PASSWORD);
  const { items } = (await officer.get('/api/cases')).json() as { items: { id: string }[] };
  for (const c of items.slice(0, 5)) expect((await officer.get(`/api/cases/${c.id}`)).statusCode).toBe(200);
});
afterAll(() => t.close());

const rows = async <R>(query: string) => ((await t.database.db.execute(query)) as unknown as { rows: R[] }).rows;

/** The rows that do not parse against their schema, with the first issue, so a failure names them. */
function unparsed<R extends { kind: string; stored: unknown }>(all: R[], parse: (r: R) => { success: boolean; error?: { issues: unknown[] } }) {
  return all.flatMap((r) => {
    const result = parse(r);
    return result.success ? [] : [{ kind: r.kind, issue: result.error?.issues[0] }];
  });
}

describe('stored demo records against the catalogues', () => {
  it('every case event is a catalogued type whose payload parses', async () => {
    const events = await rows<{ kind: string; stored: unknown }>('select type as kind, payload as stored from case_events');
    const kinds = new Set(events.map((e) => e.kind));
    expect(events.length).toBeGreaterThan(100);
    expect([...kinds].filter((k) => !isCaseEventType(k))).toEqual([]);
    expect([...kinds]).toEqual(expect.arrayContaining(['case.opened', 'step.completed', 'document.issued', 'evidence.added', 'case.viewed', 'case.file_compiled']));
    expect(unparsed(events, (e) => caseEventPayloadSchema(e.kind as (typeof CASE_EVENT_TYPES)[number]).safeParse(e.stored))).toEqual([]);
  });

  it('every audit event is a catalogued action whose detail parses', async () => {
    const events = await rows<{ kind: string; stored: unknown }>('select action as kind, detail as stored from audit_events');
    const kinds = new Set(events.map((e) => e.kind));
    expect([...kinds].filter((k) => !isAuditAction(k))).toEqual([]);
    expect([...kinds]).toEqual(expect.arrayContaining(['agency.created', 'person.created', 'user.created', 'evidence.added', 'auth.login', 'calendar.year_loaded']));
    expect(unparsed(events, (e) => auditDetailSchema(e.kind as (typeof AUDIT_ACTIONS)[number]).safeParse(e.stored))).toEqual([]);
  });

  it('a schema refuses a stored payload that lost a field (the check is not vacuous)', async () => {
    const [opened] = await rows<{ payload: Record<string, unknown> }>(`select payload from case_events where type = 'case.opened' limit 1`);
    const { registerNumber: _, ...lost } = opened!.payload;
    expect(caseEventPayloadSchema('case.opened').safeParse(opened!.payload).success).toBe(true);
    expect(caseEventPayloadSchema('case.opened').safeParse(lost).success).toBe(false);
  });
});

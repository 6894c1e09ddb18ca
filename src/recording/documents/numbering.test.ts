import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/harness.js';
import { buildWorld, type World } from '../../../test/factories.js';
import { AppError } from '../../platform/errors.js';
import { issueDocumentNumber } from './numbering.js';

let t: TestContext;
let world: World;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t.database);
  await t.database.query(`update agencies set doc_abbreviation = '楚工信' where id = $1`, [world.agencyA.id]);
});
afterAll(() => t.close());

const issue = (docType: string, year = 2026, agencyId = world.agencyA.id) =>
  t.database.db.transaction((tx) => issueDocumentNumber(tx, { agencyId, docType, year }));

class Rollback extends Error {}

describe('issueDocumentNumber (R6)', () => {
  it('formats the number as abbreviation + code 〔year〕 serial 号', async () => {
    const first = await issue('penalty_decision', 2025);
    expect(first).toEqual({ serial: 1, number: '楚工信罚〔2025〕1号' });
    expect((await issue('penalty_decision', 2025)).number).toBe('楚工信罚〔2025〕2号');
  });

  it('gives 30 concurrent issuers exactly the serials 1..30, each once', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => issue('penalty_prior_notice')));
    const serials = results.map((r) => r.serial).sort((a, b) => a - b);
    expect(serials).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.number)).size).toBe(30);
    expect(results.map((r) => r.number)).toContain('楚工信罚告〔2026〕30号');
    const [row] = await t.database.query<{ last_serial: number }>(
      `select last_serial from document_counters where agency_id = $1 and doc_type = 'penalty_prior_notice' and year = 2026`,
      [world.agencyA.id],
    );
    expect(row!.last_serial).toBe(30);
  });

  it('gives a rolled-back number to the next document, leaving no gap', async () => {
    expect((await issue('hearing_notice')).serial).toBe(1);
    await expect(
      t.database.db.transaction(async (tx) => {
        const n = await issueDocumentNumber(tx, { agencyId: world.agencyA.id, docType: 'hearing_notice', year: 2026 });
        expect(n.serial).toBe(2);
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(await issue('hearing_notice')).toEqual({ serial: 2, number: '楚工信听告〔2026〕2号' });
  });

  it('leaves no gap when concurrent issues roll back in between', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        t.database.db.transaction(async (tx) => {
          const n = await issueDocumentNumber(tx, { agencyId: world.agencyA.id, docType: 'licence_grant', year: 2026 });
          if (i % 4 === 1) throw new Rollback();
          return n.serial;
        }),
      ),
    );
    const committed = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : [])).sort((a, b) => a - b);
    expect(committed).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  it('counts each year, each type and each agency separately', async () => {
    expect((await issue('inspection_notice', 2026)).serial).toBe(1);
    expect((await issue('inspection_notice', 2026)).serial).toBe(2);
    expect((await issue('inspection_notice', 2027)).number).toBe('楚工信检通〔2027〕1号');
    expect((await issue('on_site_notice', 2026)).number).toBe('楚工信现告〔2026〕1号');
    await t.database.query(`update agencies set doc_abbreviation = '楚科' where id = $1`, [world.agencyA2.id]);
    expect((await issue('inspection_notice', 2026, world.agencyA2.id)).number).toBe('楚科检通〔2026〕1号');
  });

  it('refuses an agency without a document abbreviation', async () => {
    const error = await issue('penalty_decision', 2026, world.agencyB.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('AGENCY_ABBREVIATION_MISSING');
    const rows = await t.database.query(`select 1 from document_counters where agency_id = $1`, [world.agencyB.id]);
    expect(rows).toHaveLength(0);
  });

  it('refuses to number an unnumbered type and an unknown type', async () => {
    await expect(issue('inspection_record')).rejects.toThrow(/not numbered/);
    const error = await issue('no_such_document').catch((e: unknown) => e);
    expect((error as AppError).code).toBe('VALIDATION_FAILED');
  });
});

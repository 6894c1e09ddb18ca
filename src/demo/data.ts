/**
 * Demo data: the five agencies whose 2019 implementation documents are the project's seeds
 * (/work/shared/seeds/000–004), their supervising justice bureaus, regions, divisions, positions,
 * leading groups, officers and legal counsel.
 *
 * What the seeds say is kept as they say it: agency names, the divisions they name, which body
 * does the legal review, the leading groups' composition by position and where their offices sit.
 * The seeds do not give heads' names (or give 2019 names of real people, which we do not reuse),
 * addresses, phone numbers, credit codes, staff, certificates or ID numbers, and three of them name
 * few or no divisions. Those facts are invented for the demo and marked: a record wholly invented
 * has `generated: true` (and `generatedFields: ['*']` where it has that field); otherwise
 * `generatedFields` lists the invented fields. People and counsel are all invented; a position is
 * seed-backed but its holder never is. Names, numbers and firms that match real ones do so by
 * coincidence.
 *
 * Deterministic: generated identifiers come from generators seeded by each record's key, so the
 * same data appears on every run and adding a record does not change the others.
 *
 * The data lives under ./data/: one file per agency (seed), with the shared types, builders, seeds,
 * regions, justice bureaus, the seed-001 government group and counsel beside them. This file assembles it.
 */
import type { DemoAgency } from './data/types.js';
import { chuxiongScience } from './data/chuxiong-science.js';
import { diqingCommerce } from './data/diqing-commerce.js';
import { chuxiongIndustry } from './data/chuxiong-industry.js';
import { qilinApproval } from './data/qilin-approval.js';
import { shuochengScience } from './data/shuocheng-science.js';

export type {
  SeedId,
  DemoSeed,
  DemoRegion,
  DemoBody,
  DemoJusticeBureau,
  DemoDivision,
  DemoPosition,
  DemoLeadingGroup,
  DemoCertificate,
  DemoPerson,
  DemoAgency,
  DemoGovernmentLeadingGroup,
  DemoCounsel,
} from './data/types.js';
export { demoSeeds, demoRegions } from './data/seeds.js';
export { demoJusticeBureaus } from './data/justice-bureaus.js';
export { demoGovernmentLeadingGroups } from './data/government-groups.js';
export { demoCounsel } from './data/counsel.js';

/** Bump when the demo data changes, so a seeded database can tell it is stale. */
export const demoSeedVersion = '2026-11-22.1';

/** "Today" the demo data was written for: certificate states and expiries are relative to it. */
export const demoReferenceDate = '2026-11-22';

/** The five enforcement agencies of the seeds, in seed order. */
export const demoAgencies: readonly DemoAgency[] = [
  chuxiongScience,
  diqingCommerce,
  chuxiongIndustry,
  qilinApproval,
  shuochengScience,
];

import { z } from 'zod';
import { enforcementCategory, regionLevel } from '../../platform/http/schemas.js';
import { reviewerRatio, type AgencyRow } from './agencies.js';

export const reviewerRatioOut = z.object({
  reviewers: z.number(),
  activeOfficers: z.number(),
  ratio: z.number().nullable(),
  flag: z.enum(['ok', 'below_minimum', 'no_reviewer']),
});

export const agencyOut = z.object({
  id: z.uuid(),
  kind: z.enum(['enforcement', 'justice_bureau']),
  name: z.string(),
  shortName: z.string().nullable(),
  creditCode: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  level: regionLevel,
  headName: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  supervisionPhone: z.string().nullable(),
  categories: z.array(enforcementCategory),
  area: z.string().nullable(),
  docAbbreviation: z.string().nullable(),
  confirmation: z
    .object({ confirmedAt: z.date(), confirmedBy: z.string().nullable(), note: z.string().nullable() })
    .nullable(),
  /** L12 applies to enforcement agencies; null for justice bureaus. */
  reviewerRatio: reviewerRatioOut.nullable(),
  isDemo: z.boolean(),
});

/** Staff view of an agency (all fields are public facts except the demo flag, which is harmless). */
export function presentAgency(row: AgencyRow): z.infer<typeof agencyOut> {
  const a = row.agency;
  return {
    id: a.id,
    kind: a.kind,
    name: a.name,
    shortName: a.shortName,
    creditCode: a.creditCode,
    regionCode: a.regionCode,
    regionName: row.regionName,
    level: a.level,
    headName: a.headName,
    address: a.address,
    phone: a.phone,
    supervisionPhone: a.supervisionPhone,
    categories: a.categories,
    area: a.area,
    docAbbreviation: a.docAbbreviation,
    confirmation: a.confirmedAt ? { confirmedAt: a.confirmedAt, confirmedBy: row.confirmedByName, note: a.confirmationNote } : null,
    reviewerRatio: a.kind === 'enforcement' ? reviewerRatio(row.reviewers, row.activeOfficers) : null,
    isDemo: a.isDemo,
  };
}

import { z } from 'zod';
import { creditCode, enforcementCategory, optionalText, phone, regionCode, regionLevel } from '../../platform/http/schemas.js';

/** The fields of an agency as the API and the spreadsheet import accept them (one set of rules). */
export const agencyFields = {
  kind: z.enum(['enforcement', 'justice_bureau']).default('enforcement'),
  name: z.string().trim().min(2).max(100),
  shortName: optionalText(30),
  creditCode: creditCode(),
  regionCode: regionCode(),
  level: regionLevel,
  headName: optionalText(50),
  address: optionalText(200),
  phone: phone().nullish(),
  supervisionPhone: phone().nullish(),
  categories: z.array(enforcementCategory).max(5).default([]),
  area: optionalText(500),
  docAbbreviation: optionalText(10),
};

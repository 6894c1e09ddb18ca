import { z } from 'zod';
import { enforcementCategory, optionalText, phone, regionCode, regionLevel } from '../../platform/http/schemas.js';
import { creditCode } from '../identity-schemas.js';

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

/**
 * The fields a PATCH may change: each optional and WITHOUT defaults, so a field that is not named
 * stays as it is (a `.partial()` of {@link agencyFields} would still fill `categories: []` and wipe
 * them). The kind and region are fixed at registration.
 */
export const agencyPatchFields = z
  .object({
    name: agencyFields.name,
    shortName: agencyFields.shortName,
    creditCode: agencyFields.creditCode,
    level: agencyFields.level,
    headName: agencyFields.headName,
    address: agencyFields.address,
    phone: agencyFields.phone,
    supervisionPhone: agencyFields.supervisionPhone,
    categories: z.array(enforcementCategory).max(5),
    area: agencyFields.area,
    docAbbreviation: agencyFields.docAbbreviation,
  })
  .partial();

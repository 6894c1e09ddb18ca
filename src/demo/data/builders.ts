import { generateCreditCode, generateIdNumber } from '../../organisation/check-digits.js';
import { seededRandom } from '../../platform/random.js';
import type { CertificateStatus, EnforcementCategory, GroupRole } from '../../organisation/tables.js';
import type { DemoDivision, DemoPosition, DemoPerson, DemoAgency } from './types.js';

// ---------------------------------------------------------------------------------------------
// Builders: compute the generated identifiers from stable keys
// ---------------------------------------------------------------------------------------------

/** Every field of an agency or bureau that no seed supplies. */
export const BODY_GENERATED = ['creditCode', 'headName', 'address', 'phone', 'supervisionPhone', 'area'] as const;

export function organCreditCode(key: string, regionCode: string): string {
  return generateCreditCode(seededRandom(`credit-code:${key}`), regionCode, {
    registrationAuthority: '1',
    organisationType: '1',
  });
}

/** Generated certificate-number format, the same in both provinces: region + year + serial. */
export function certificateNumber(regionCode: string, issuedOn: string, serial: number): string {
  return regionCode + issuedOn.slice(0, 4) + String(serial).padStart(4, '0');
}

export interface PersonSpec {
  key: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  /** County of first household registration; the agency's default county if absent. */
  birthRegionCode?: string;
  divisionKey: string | null;
  positionTitle: string;
  isLegalReviewer?: boolean;
  certificate?: {
    serial: number;
    issuedOn: string;
    expiresOn: string;
    status?: CertificateStatus;
    statusNote?: string;
  };
  /** Defaults to all of the agency's categories for an officer, none otherwise. */
  categories?: readonly EnforcementCategory[];
  qualification?: 'exam' | 'legal_professional_qualification';
  qualificationNote?: string;
}

export interface AgencySpec extends Omit<DemoAgency, 'kind' | 'creditCode' | 'headName' | 'people' | 'generatedFields'> {
  /** Default county for people's ID numbers. */
  homeCounty: string;
  people: readonly PersonSpec[];
  extraGeneratedFields?: readonly string[];
}

export function buildPerson(agency: AgencySpec, spec: PersonSpec): DemoPerson {
  const cert = spec.certificate;
  return {
    key: spec.key,
    name: spec.name,
    sex: spec.sex,
    birthDate: spec.birthDate,
    idNumber: generateIdNumber(
      seededRandom(`id-number:${agency.key}:${spec.key}`),
      spec.birthRegionCode ?? agency.homeCounty,
      spec.birthDate,
      spec.sex,
    ),
    divisionKey: spec.divisionKey,
    positionTitle: spec.positionTitle,
    isLegalReviewer: spec.isLegalReviewer ?? false,
    certificate: cert
      ? {
          number: certificateNumber(agency.regionCode, cert.issuedOn, cert.serial),
          issuedOn: cert.issuedOn,
          expiresOn: cert.expiresOn,
          status: cert.status ?? 'active',
          statusNote: cert.statusNote ?? null,
        }
      : null,
    categories: spec.categories ?? (cert ? agency.categories : []),
    area: cert ? agency.area : null,
    qualification: spec.qualification ?? (cert ? 'exam' : null),
    qualificationNote: spec.qualificationNote ?? null,
    generated: true,
  };
}

export function defineAgency(spec: AgencySpec): DemoAgency {
  const { homeCounty: _homeCounty, extraGeneratedFields = [], people: personSpecs, ...rest } = spec;
  const people = personSpecs.map((p) => buildPerson(spec, p));
  const director = spec.positions.find((p) => p.key === 'director');
  const head = people.find((p) => p.key === director?.holderKey);
  if (!head) throw new Error(`demo agency ${spec.key} has no director`);
  return {
    ...rest,
    kind: 'enforcement',
    creditCode: organCreditCode(spec.key, spec.regionCode),
    headName: head.name,
    people,
    generatedFields: [...BODY_GENERATED, 'docAbbreviation', ...extraGeneratedFields],
  };
}

/** A division head's post, named "<division> 科长" unless a title is given. */
export function headOf(
  divisionKey: string,
  title: string,
  holderKey: string,
  extra: { seedTitle?: string; holderSince?: string; generated?: boolean } = {},
): DemoPosition {
  return {
    key: `head:${divisionKey}`,
    title,
    divisionKey,
    seedTitle: extra.seedTitle ?? null,
    holderKey,
    holderSince: extra.holderSince ?? '2024-03-01',
    generated: extra.generated ?? false,
  };
}

export function leader(
  key: 'director' | `deputy-${number}`,
  title: string,
  holderKey: string,
  extra: { seedTitle?: string; holderSince?: string; generated?: boolean } = {},
): DemoPosition {
  return {
    key,
    title,
    divisionKey: null,
    seedTitle: extra.seedTitle ?? null,
    holderKey,
    holderSince: extra.holderSince ?? '2023-06-01',
    generated: extra.generated ?? false,
  };
}

/** Members of a group whose seed says "各科室负责人为成员": every division head's post. */
export function divisionHeadMembers(positions: readonly DemoPosition[]): { role: GroupRole; positionKey: string }[] {
  return positions.filter((p) => p.key.startsWith('head:')).map((p) => ({ role: 'member', positionKey: p.key }));
}

export function division(
  key: string,
  name: string,
  area: string,
  duties: string,
  flags: { enforcing?: boolean; legal?: boolean; generated?: boolean; dutiesGenerated?: boolean; affiliated?: boolean },
): DemoDivision {
  return {
    key,
    name,
    kind: flags.affiliated ? 'affiliated_unit' : 'division',
    duties,
    area,
    enforcing: flags.enforcing ?? false,
    isLegalAffairs: flags.legal ?? false,
    generated: flags.generated ?? false,
    generatedFields: flags.generated ? ['*'] : flags.dutiesGenerated ? ['duties', 'area'] : ['area'],
  };
}

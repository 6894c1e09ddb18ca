import type { CertificateStatus, EnforcementCategory, GroupRole, RegionLevel } from '../../organisation/tables.js';

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

export type SeedId = '000' | '001' | '002' | '003' | '004';

/** One seed document: what it is and who issued it. */
export interface DemoSeed {
  id: SeedId;
  file: string;
  issuer: string;
  title: string;
  /** 印发 date where the seed prints one. */
  issuedOn: string | null;
}

/** A GB/T 2260 administrative division (real codes and names). */
export interface DemoRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/** Fields shared by enforcement agencies and justice bureaus (the `agencies` table). */
export interface DemoBody {
  key: string;
  kind: 'enforcement' | 'justice_bureau';
  /** Full official name. */
  name: string;
  shortName: string;
  regionCode: string;
  level: RegionLevel;
  /** GB 32100 code of a government organ: '11' + region + organisation code + check. */
  creditCode: string;
  headName: string;
  address: string;
  phone: string;
  supervisionPhone: string;
  /** 执法区域 as published (P2). */
  area: string;
  /** Fields invented for the demo rather than taken from a seed. */
  generatedFields: readonly string[];
}

export type DemoJusticeBureau = DemoBody & { kind: 'justice_bureau' };

/** 内设机构 — a division, or an affiliated public institution the seed lists with them. */
export interface DemoDivision {
  key: string;
  name: string;
  kind: 'division' | 'affiliated_unit';
  /** The division's duties; where the seed assigns some, they are the seed's. */
  duties: string;
  area: string;
  /** Whether it carries out enforcement acts itself (its duties and area are published, P2). */
  enforcing: boolean;
  /** 法制审核机构 (L7, L12, L13). */
  isLegalAffairs: boolean;
  /** True when the seed does not name this division at all. */
  generated: boolean;
  generatedFields: readonly string[];
}

/** A post, held by one person at a time (O4). */
export interface DemoPosition {
  key: string;
  title: string;
  divisionKey: string | null;
  /** How the seed's 2019 list designates the post, where that differs from the title. */
  seedTitle: string | null;
  holderKey: string;
  holderSince: string;
  /** True when the seed does not mention this post. */
  generated: boolean;
}

/** 领导小组 — members are positions, not people (O4). */
export interface DemoLeadingGroup {
  key: string;
  name: string;
  purpose: string;
  /** The division that houses the group's office (领导小组办公室). */
  officeDivisionKey: string;
  /** The position whose holder directs the office concurrently, where the seed says. */
  officeDirectorPositionKey: string | null;
  establishedOn: string | null;
  /** The seed's rule for changes of person, quoted; null where the seed has none. */
  successionRule: string | null;
  members: readonly { role: GroupRole; positionKey: string }[];
  /** True when the seed mandates the group but does not give its composition. */
  generated: boolean;
  generatedFields: readonly string[];
}

/** 执法证 — an enforcement certificate (O2, P2, P3). */
export interface DemoCertificate {
  /** 14 digits: issuing agency's region code, year of issue, four-digit serial (generated format). */
  number: string;
  issuedOn: string;
  expiresOn: string;
  status: CertificateStatus;
  statusNote: string | null;
}

/** A member of staff; with a certificate, an enforcement officer. Always generated. */
export interface DemoPerson {
  key: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  /** GB 11643, valid check digit, encodes birthDate and sex. Never publish unmasked (P8). */
  idNumber: string;
  divisionKey: string | null;
  /** Post or civil-service rank as published (职务). */
  positionTitle: string;
  isLegalReviewer: boolean;
  certificate: DemoCertificate | null;
  categories: readonly EnforcementCategory[];
  area: string | null;
  qualification: 'exam' | 'legal_professional_qualification' | null;
  qualificationNote: string | null;
  generated: true;
}

/** An enforcement agency as the demo registers it. */
export interface DemoAgency extends DemoBody {
  kind: 'enforcement';
  seed: SeedId;
  categories: readonly EnforcementCategory[];
  /** Abbreviation used in document numbers, e.g. 楚工信〔2026〕12号. */
  docAbbreviation: string;
  supervisingJusticeBureauKey: string;
  legalAffairsDivisionKey: string;
  /** Who conducts legal review per the seed, verbatim; may be a meeting, not a division. */
  legalReviewBody: string;
  divisions: readonly DemoDivision[];
  positions: readonly DemoPosition[];
  people: readonly DemoPerson[];
  leadingGroups: readonly DemoLeadingGroup[];
}

/** A government-level leading group whose members sit in several bodies (seed 001). */
export interface DemoGovernmentLeadingGroup {
  key: string;
  name: string;
  regionCode: string;
  establishedBy: string;
  establishedOn: string;
  officeJusticeBureauKey: string;
  officeDirector: { organisation: string; title: string };
  successionRule: string;
  members: readonly { role: GroupRole; organisation: string; title: string }[];
}

/** L15: a legal adviser or public-sector lawyer an agency can call on. Always generated. */
export interface DemoCounsel {
  key: string;
  agencyKey: string;
  name: string;
  kind: 'legal_adviser' | 'public_sector_lawyer' | 'outside_lawyer';
  organisation: string;
  phone: string;
  specialties: string;
  generated: true;
}

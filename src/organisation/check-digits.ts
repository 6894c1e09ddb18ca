/**
 * Check characters of the two national identifiers the registry stores (O1, O2):
 *
 * - 统一社会信用代码 — the unified social credit code of an organisation (GB 32100-2015), carried
 *   by every enforcement agency, justice bureau and organisational party;
 * - 公民身份号码 — the citizen identity number (GB 11643-1999), carried by officers and by natural
 *   persons who are parties. It is personal data: publish it only masked (P8).
 *
 * Validation is strict: callers upper-case and trim user input before asking.
 */
import type { Random } from '../platform/random.js';

// ---------------------------------------------------------------------------------------------
// GB 32100-2015 — unified social credit code
// ---------------------------------------------------------------------------------------------

/** The 31 characters a credit code may use: digits and capitals without I, O, Z, S, V. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weight of position i (0-based) is 3^i mod 31. */
const CREDIT_CODE_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let weight = 1;
  for (let k = 0; k < i; k++) weight = (weight * 3) % 31;
  return weight;
});

/**
 * Position 1 (registration authority, 登记管理部门码) → the position-2 organisation types
 * (机构类别码) it may issue, after GB 32100-2015 Annex A. 1 机构编制 (1 机关, 2 事业单位, 3 群众团体,
 * 9 其他), 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 工商 (市场监管), A 中央军委改革和编制
 * 办公室, N 农业, Y 其他. Type 9 (其他) is accepted for 工商 too, as some registries issue it.
 */
const ORGANISATION_TYPES_BY_AUTHORITY: Readonly<Record<string, string>> = {
  '1': '1239',
  '2': '19',
  '3': '123459',
  '4': '19',
  '5': '1239',
  '6': '129',
  '7': '129',
  '8': '19',
  '9': '1239',
  A: '19',
  N: '1239',
  Y: '1',
};

/**
 * The first two digits of a GB/T 2260 code: provinces, autonomous regions, municipalities, Taiwan,
 * Hong Kong, Macao. "10" only as "100000", used by bodies registered at national level.
 */
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

/** Why a credit code is not valid; `null` from {@link creditCodeProblem} means it is. */
export type CreditCodeProblem =
  | 'length'
  | 'charset'
  | 'registration_authority'
  | 'organisation_type'
  | 'region'
  | 'organisation_code'
  | 'check_character';

function isAdministrativeDivisionCode(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return code === '100000' || PROVINCE_PREFIXES.has(code.slice(0, 2));
}

function creditCodeValue(char: string): number {
  const value = CREDIT_CODE_CHARSET.indexOf(char);
  if (value < 0 || char.length !== 1) throw new RangeError(`not a credit code character: ${char}`);
  return value;
}

/**
 * The 18th character of a unified social credit code (GB 32100-2015 §5): with a(i) the value of
 * character i in {@link CREDIT_CODE_CHARSET} and w(i) = 3^i mod 31, the check value is
 * 31 − (Σ a(i)·w(i) mod 31), where 31 becomes 0.
 *
 * @param first17 the first 17 characters, upper case, from the credit code character set
 * @throws RangeError if `first17` is not 17 characters of that set
 */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError('a credit code body has 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += creditCodeValue(first17[i]!) * CREDIT_CODE_WEIGHTS[i]!;
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714 weights of the eight body characters of an organisation code. */
const ORGANISATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * The 9th character of an organisation code (组织机构代码, GB 11714-1997), which is also position 17
 * of a credit code: digits count at face value and letters A–Z as 10–35; the check value is
 * 11 − (Σ c(i)·w(i) mod 11), where 10 is written 'X' and 11 is written '0'.
 *
 * @param first8 the eight body characters (digits and capital letters)
 * @throws RangeError if `first8` is not eight digits or capital letters
 */
export function organisationCodeCheckCharacter(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) throw new RangeError('an organisation code body is 8 digits or capitals');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(first8[i]!, 36) * ORGANISATION_CODE_WEIGHTS[i];
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * The first thing wrong with a unified social credit code, or `null` if it is valid: length 18,
 * character set, registration authority (position 1), organisation type allowed for that
 * authority (position 2), administrative division (positions 3–8), the embedded GB 11714
 * organisation code's own check (positions 9–17), and the GB 32100 check character (position 18).
 */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  for (const char of code) if (!CREDIT_CODE_CHARSET.includes(char)) return 'charset';
  const types = ORGANISATION_TYPES_BY_AUTHORITY[code[0]!];
  if (types === undefined) return 'registration_authority';
  if (!types.includes(code[1]!)) return 'organisation_type';
  if (!isAdministrativeDivisionCode(code.slice(2, 8))) return 'region';
  if (organisationCodeCheckCharacter(code.slice(8, 16)) !== code[16]) return 'organisation_code';
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) return 'check_character';
  return null;
}

/**
 * Whether a string is a well-formed unified social credit code (GB 32100-2015), including its
 * structure and both check characters. Lower-case input is rejected; normalise first.
 */
export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

/** Options for {@link generateCreditCode}; the defaults describe a government organ (机关). */
export interface CreditCodeOptions {
  /** Position 1: registration authority; '1' 机构编制 by default. */
  registrationAuthority?: string;
  /** Position 2: organisation type; '1' 机关 by default. */
  organisationType?: string;
}

/**
 * A random but valid credit code for demo data. The organisation-code body is eight digits, the
 * shape of the legacy codes most government organs still carry.
 *
 * @param rng a seeded generator (see `mulberry32`), so demo data is reproducible
 * @param regionCode6 GB/T 2260 code of the registering authority's region, e.g. '532300'
 * @throws RangeError if the region, authority or type is not allowed by GB 32100
 */
export function generateCreditCode(rng: Random, regionCode6: string, opts: CreditCodeOptions = {}): string {
  const authority = opts.registrationAuthority ?? '1';
  const type = opts.organisationType ?? '1';
  const types = ORGANISATION_TYPES_BY_AUTHORITY[authority];
  if (types === undefined || authority.length !== 1) throw new RangeError(`unknown registration authority ${authority}`);
  if (!types.includes(type) || type.length !== 1) throw new RangeError(`type ${type} not issued by authority ${authority}`);
  if (!isAdministrativeDivisionCode(regionCode6)) throw new RangeError(`not a region code: ${regionCode6}`);
  let body = '';
  for (let i = 0; i < 8; i++) body += String(Math.floor(rng() * 10));
  const first17 = authority + type + regionCode6 + body + organisationCodeCheckCharacter(body);
  return first17 + creditCodeCheckCharacter(first17);
}

// ---------------------------------------------------------------------------------------------
// GB 11643-1999 — citizen identity number
// ---------------------------------------------------------------------------------------------

/** Weight of position i (0-based) is 2^(17−i) mod 11 (ISO 7064 MOD 11-2). */
const ID_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11);

/** Why an identity number is not valid; `null` from {@link idNumberProblem} means it is. */
export type IdNumberProblem = 'length' | 'format' | 'birth_date' | 'check_digit';

/**
 * The check digit of an 18-digit citizen identity number (GB 11643-1999 §7, ISO 7064 MOD 11-2):
 * (12 − (Σ a(i)·w(i) mod 11)) mod 11 with w(i) = 2^(17−i) mod 11; 10 is written 'X'.
 *
 * @param first17 the first 17 digits (region, birth date, sequence)
 * @throws RangeError if `first17` is not 17 digits
 */
export function idNumberCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('an identity number body is 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** Whether YYYYMMDD is a real calendar date from 1800 on (GB 11643's own example is 1880). */
function isRealDate(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1800 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The first thing wrong with an identity number, or `null` if it is valid: 18 characters, 17
 * digits then a digit or capital 'X', a real birth date in positions 7–14, and the check digit.
 * The region (positions 1–6) is not checked against GB/T 2260: numbers keep the code of a
 * division that has since been abolished, and permanent-residence cards use other prefixes.
 */
export function idNumberProblem(id: string): IdNumberProblem | null {
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (!isRealDate(id.slice(6, 14))) return 'birth_date';
  if (idNumberCheckDigit(id.slice(0, 17)) !== id[17]) return 'check_digit';
  return null;
}

/** Whether a string is a valid 18-digit citizen identity number (GB 11643-1999). */
export function isValidIdNumber(id: string): boolean {
  return idNumberProblem(id) === null;
}

/** What a valid identity number says about its holder. */
export interface IdNumberFacts {
  /** GB/T 2260 code of the place of first registration. */
  regionCode: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** From the parity of the 17th digit: odd male, even female. */
  sex: 'male' | 'female';
}

/** The region, birth date and sex encoded in a valid identity number, or `null` if invalid. */
export function parseIdNumber(id: string): IdNumberFacts | null {
  if (!isValidIdNumber(id)) return null;
  return {
    regionCode: id.slice(0, 6),
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/**
 * An identity number as it may be shown (P8): the first six and last four characters kept, the
 * rest replaced by '*', length unchanged — `532301********1234`. Strings of ten characters or
 * fewer are masked entirely, since keeping ten would reveal them whole.
 */
export function maskIdNumber(id: string): string {
  if (id.length <= 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

/**
 * A random but valid identity number for demo data.
 *
 * @param rng a seeded generator (see `mulberry32`)
 * @param regionCode6 six-digit GB/T 2260 code, e.g. '532301'
 * @param birthDate 'YYYY-MM-DD' or 'YYYYMMDD'
 * @param sex decides the parity of the sequence number's last digit
 * @throws RangeError if the region is not six digits or the date is not a real date
 */
export function generateIdNumber(
  rng: Random,
  regionCode6: string,
  birthDate: string,
  sex: 'male' | 'female',
): string {
  if (!/^\d{6}$/.test(regionCode6)) throw new RangeError(`not a region code: ${regionCode6}`);
  const date = birthDate.replaceAll('-', '');
  if (!isRealDate(date)) throw new RangeError(`not a real birth date: ${birthDate}`);
  const order = String(Math.floor(rng() * 100)).padStart(2, '0');
  const parity = Math.floor(rng() * 5) * 2 + (sex === 'male' ? 1 : 0);
  const first17 = regionCode6 + date + order + String(parity);
  return first17 + idNumberCheckDigit(first17);
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../platform/random.js';
import {
  CREDIT_CODE_CHARSET,
  creditCodeCheckCharacter,
  creditCodeProblem,
  generateCreditCode,
  generateIdNumber,
  idNumberCheckDigit,
  idNumberProblem,
  isValidCreditCode,
  isValidIdNumber,
  maskIdNumber,
  organisationCodeCheckCharacter,
  parseIdNumber,
} from './check-digits.js';

// A structurally valid 17-character credit code body: authority + allowed type, a region code
// with a real province prefix, eight body characters and their GB 11714 check character.
const authorityAndType = fc.constantFrom(
  '11', '12', '13', '19', '31', '32', '51', '52', '53', '71', '81', '91', '92', '93', 'A1', 'N2', 'Y1',
);
const regionCode = fc
  .tuple(fc.constantFrom('11', '14', '35', '44', '53', '65', '82'), fc.integer({ min: 0, max: 9999 }))
  .map(([province, rest]) => province + String(rest).padStart(4, '0'));
const creditChar = fc.constantFrom(...CREDIT_CODE_CHARSET.split(''));
const creditBody17 = fc
  .tuple(authorityAndType, regionCode, fc.array(creditChar, { minLength: 8, maxLength: 8 }))
  .map(([prefix, region, chars]) => {
    const body = chars.join('');
    return prefix + region + body + organisationCodeCheckCharacter(body);
  });

const birthDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
const idBody17 = fc
  .tuple(fc.integer({ min: 110000, max: 659999 }), birthDate, fc.integer({ min: 0, max: 999 }))
  .map(([region, date, sequence]) => String(region) + date + String(sequence).padStart(3, '0'));

describe('creditCodeCheckCharacter (GB 32100-2015)', () => {
  it('reproduces the standard example 91350100M000100Y43', () => {
    // Values in the 31-character set (M = 21, Y = 30) times weights 3^i mod 31:
    //   9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17 + 21·20 + 0·29 + 0·25 + 0·13
    //   + 1·8 + 0·24 + 0·10 + 30·30 + 4·28 = 1640;  1640 mod 31 = 28;  31 − 28 = 3.
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
  });

  it('accepts credit codes printed on the business licences of well-known companies', () => {
    // Each passes two independent checks (GB 11714 on positions 9–17, GB 32100 on 18), so a
    // misremembered code would be caught with probability ≈ 340/341.
    const published = {
      '华为技术有限公司': '914403001922038216',
      '深圳市腾讯计算机系统有限公司': '91440300708461136T',
      '百度在线网络技术（北京）有限公司': '91110000802100433B',
      '阿里巴巴（中国）有限公司': '91330100799655058B',
    };
    for (const code of Object.values(published)) expect(creditCodeProblem(code)).toBeNull();
  });

  it('maps a check value of 31 to 0 (it never yields 31 as a character)', () => {
    // Find a body whose sum is ≡ 0 (mod 31): then 31 − 0 = 31 must become '0'.
    const rng = mulberry32(7);
    let found = false;
    for (let n = 0; n < 2000 && !found; n++) {
      const body = generateCreditCode(rng, '532300').slice(0, 17);
      let sum = 0;
      for (let i = 0; i < 17; i++) sum += (CREDIT_CODE_CHARSET.indexOf(body[i]!) * 3 ** i) % 31;
      if (sum % 31 === 0) {
        expect(creditCodeCheckCharacter(body)).toBe('0');
        found = true;
      }
    }
    expect(found).toBe(true);
  });

  it('refuses a body that is not 17 characters of the set', () => {
    expect(() => creditCodeCheckCharacter('91350100M000100Y')).toThrow(RangeError);
    expect(() => creditCodeCheckCharacter('91350100M000100I4')).toThrow(RangeError);
  });
});

describe('organisationCodeCheckCharacter (GB 11714-1997)', () => {
  it('reproduces the organisation code inside the GB 32100 example', () => {
    // M = 22, Y = 34 (A–Z as 10–35); weights 3 7 9 10 5 8 4 2:
    //   22·3 + 0 + 0 + 0 + 1·5 + 0 + 0 + 34·2 = 139;  139 mod 11 = 7;  11 − 7 = 4.
    expect(organisationCodeCheckCharacter('M000100Y')).toBe('4');
  });

  it('writes 10 as X and 11 as 0', () => {
    // 00000000: sum 0 → 11 − 0 = 11 → '0';  01000002: 1·7 + 2·2 = 11 ≡ 0 → 11 → '0';
    // 00000006: 6·2 = 12 ≡ 1 → 10 → 'X';  00000003: 3·2 = 6 → 5.
    expect(organisationCodeCheckCharacter('00000000')).toBe('0');
    expect(organisationCodeCheckCharacter('01000002')).toBe('0');
    expect(organisationCodeCheckCharacter('00000006')).toBe('X');
    expect(organisationCodeCheckCharacter('00000003')).toBe('5');
  });
});

describe('isValidCreditCode', () => {
  it('rejects a wrong check character', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check_character');
    // The brief's candidate 911100001000128195 fails both checks: positions 9–16 give GB 11714
    // check '8' (not '9') and the first 17 give GB 32100 check 'A' (not '5').
    expect(organisationCodeCheckCharacter('10001281')).toBe('8');
    expect(creditCodeCheckCharacter('91110000100012819')).toBe('A');
    expect(isValidCreditCode('911100001000128195')).toBe(false);
  });

  it('rejects lower case and the forbidden letters I, O, Z, S, V', () => {
    expect(creditCodeProblem('91350100m000100Y43')).toBe('charset');
    for (const letter of ['I', 'O', 'Z', 'S', 'V']) {
      expect(creditCodeProblem(`91350100${letter}000100Y43`)).toBe('charset');
    }
  });

  it('rejects wrong lengths', () => {
    expect(creditCodeProblem('')).toBe('length');
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length');
    expect(creditCodeProblem('91350100M000100Y433')).toBe('length');
  });

  it('checks registration authority, organisation type and region before the check character', () => {
    const withCheck = (first17: string) => first17 + creditCodeCheckCharacter(first17);
    expect(creditCodeProblem(withCheck('B1350100M000100Y4'))).toBe('registration_authority');
    expect(creditCodeProblem(withCheck('94350100M000100Y4'))).toBe('organisation_type');
    expect(creditCodeProblem(withCheck('Y2350100M000100Y4'))).toBe('organisation_type');
    expect(creditCodeProblem(withCheck('91990100M000100Y4'))).toBe('region');
    expect(creditCodeProblem(withCheck('9135A100M000100Y4'))).toBe('region');
    expect(creditCodeProblem(withCheck('91350100M000100Y5'))).toBe('organisation_code');
    expect(creditCodeProblem(withCheck('11100000M000100Y4'))).toBeNull();
  });

  it('accepts every structurally valid body completed with its check character', () => {
    fc.assert(
      fc.property(creditBody17, (body) => isValidCreditCode(body + creditCodeCheckCharacter(body))),
    );
  });

  it('rejects the code after any single character is replaced by another', () => {
    fc.assert(
      fc.property(creditBody17, fc.nat(17), fc.integer({ min: 1, max: 30 }), (body, position, shift) => {
        const code = body + creditCodeCheckCharacter(body);
        const replaced = CREDIT_CODE_CHARSET[(CREDIT_CODE_CHARSET.indexOf(code[position]!) + shift) % 31]!;
        const changed = code.slice(0, position) + replaced + code.slice(position + 1);
        return !isValidCreditCode(changed);
      }),
    );
  });

  it('rejects the code after two different adjacent characters are swapped', () => {
    // Swapping a, b at i, i+1 changes the sum by (a − b)(w(i) − w(i+1)) = −2(a − b)·w(i) mod 31,
    // never 0 because 31 is prime.
    fc.assert(
      fc.property(creditBody17, fc.nat(15), (body, i) => {
        fc.pre(body[i] !== body[i + 1]);
        const code = body + creditCodeCheckCharacter(body);
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        return !isValidCreditCode(swapped);
      }),
    );
  });
});

describe('generateCreditCode', () => {
  it('produces valid codes of a government organ (机构编制, 机关) by default', () => {
    const rng = mulberry32(2026);
    for (let n = 0; n < 200; n++) {
      const code = generateCreditCode(rng, '532300');
      expect(code.slice(0, 8)).toBe('11532300');
      expect(isValidCreditCode(code)).toBe(true);
    }
  });

  it('honours the authority and type options and is deterministic for a seed', () => {
    const a = generateCreditCode(mulberry32(1), '140602', { registrationAuthority: '9', organisationType: '1' });
    const b = generateCreditCode(mulberry32(1), '140602', { registrationAuthority: '9', organisationType: '1' });
    expect(a).toBe(b);
    expect(a.startsWith('91140602')).toBe(true);
    expect(isValidCreditCode(a)).toBe(true);
  });

  it('refuses combinations the standard does not define', () => {
    expect(() => generateCreditCode(mulberry32(1), '532300', { registrationAuthority: 'B' })).toThrow(RangeError);
    expect(() => generateCreditCode(mulberry32(1), '532300', { organisationType: '5' })).toThrow(RangeError);
    expect(() => generateCreditCode(mulberry32(1), '990000')).toThrow(RangeError);
  });
});

describe('idNumberCheckDigit (GB 11643-1999)', () => {
  it('reproduces the standard example 11010519491231002X', () => {
    // Weights 2^(17−i) mod 11 = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2:
    //   1·7 + 1·9 + 0 + 1·5 + 0 + 5·4 + 1·2 + 9·1 + 4·6 + 9·3 + 1·7 + 2·9 + 3·10 + 1·5 + 0 + 0
    //   + 2·2 = 167;  167 mod 11 = 2;  (12 − 2) mod 11 = 10 → 'X'.
    expect(idNumberCheckDigit('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
  });

  it('reproduces the standard example 440524188001010014', () => {
    // 4·7 + 4·9 + 0 + 5·5 + 2·8 + 4·4 + 1·2 + 8·1 + 8·6 + 0 + 0 + 1·9 + 0 + 1·5 + 0 + 0 + 1·2
    //   = 195;  195 mod 11 = 8;  12 − 8 = 4.
    expect(idNumberCheckDigit('44052418800101001')).toBe('4');
    expect(isValidIdNumber('440524188001010014')).toBe(true);
  });

  it('refuses a body that is not 17 digits', () => {
    expect(() => idNumberCheckDigit('1101051949123100')).toThrow(RangeError);
    expect(() => idNumberCheckDigit('1101051949123100X')).toThrow(RangeError);
  });
});

describe('isValidIdNumber', () => {
  it('rejects a wrong check digit, lower-case x and wrong lengths', () => {
    expect(idNumberProblem('110105194912310021')).toBe('check_digit');
    expect(idNumberProblem('11010519491231002x')).toBe('format');
    expect(idNumberProblem('11010519491231002')).toBe('length');
    expect(idNumberProblem('110105491231002')).toBe('length');
  });

  it('rejects birth dates that are not real calendar dates', () => {
    const withCheck = (first17: string) => first17 + idNumberCheckDigit(first17);
    expect(idNumberProblem(withCheck('53230119990230001'))).toBe('birth_date');
    expect(idNumberProblem(withCheck('53230119991301001'))).toBe('birth_date');
    expect(idNumberProblem(withCheck('53230119990100001'))).toBe('birth_date');
    expect(idNumberProblem(withCheck('53230119000229001'))).toBe('birth_date'); // 1900 is not leap
    expect(idNumberProblem(withCheck('53230120000229001'))).toBeNull(); // 2000 is
  });

  it('accepts every 17-digit body with a real date completed with its check digit', () => {
    fc.assert(fc.property(idBody17, (body) => isValidIdNumber(body + idNumberCheckDigit(body))));
  });

  it('rejects the number after any single character is replaced by another', () => {
    fc.assert(
      fc.property(idBody17, fc.nat(17), fc.integer({ min: 1, max: 10 }), (body, position, shift) => {
        const id = body + idNumberCheckDigit(body);
        const alphabet = position === 17 ? '0123456789X' : '0123456789';
        const current = alphabet.indexOf(id[position]!);
        const replaced = alphabet[(current + shift) % alphabet.length]!;
        fc.pre(replaced !== id[position]);
        return !isValidIdNumber(id.slice(0, position) + replaced + id.slice(position + 1));
      }),
    );
  });
});

describe('parseIdNumber', () => {
  it('reads region, birth date and sex', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({
      regionCode: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
    });
    expect(parseIdNumber('440524188001010014')?.sex).toBe('male');
    expect(parseIdNumber('110105194912310021')).toBeNull();
  });
});

describe('maskIdNumber', () => {
  it('keeps the first six and last four characters and the length', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('11010519491231002X')).toHaveLength(18);
  });

  it('masks short strings entirely', () => {
    expect(maskIdNumber('1234567890')).toBe('**********');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('generateIdNumber', () => {
  it('produces valid numbers that encode the region, date and sex asked for', () => {
    fc.assert(
      fc.property(fc.integer(), birthDate, fc.constantFrom('male' as const, 'female' as const), (seed, date, sex) => {
        const id = generateIdNumber(mulberry32(seed), '533401', date, sex);
        const facts = parseIdNumber(id);
        const iso = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
        return facts !== null && facts.regionCode === '533401' && facts.birthDate === iso && facts.sex === sex;
      }),
    );
  });

  it('accepts ISO dates and refuses impossible ones', () => {
    expect(isValidIdNumber(generateIdNumber(mulberry32(3), '140602', '1988-02-29', 'female'))).toBe(true);
    expect(() => generateIdNumber(mulberry32(3), '140602', '1999-02-30', 'male')).toThrow(RangeError);
    expect(() => generateIdNumber(mulberry32(3), '14060', '1999-02-03', 'male')).toThrow(RangeError);
  });
});

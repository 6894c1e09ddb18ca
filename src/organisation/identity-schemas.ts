import { z } from 'zod';
import { isValidCreditCode, isValidIdNumber } from './check-digits.js';

/** Request schemas for the national identifiers, checked by their standards' check digits. */

const issue = (code: string) => ({ params: { code } });

export const creditCode = () =>
  z
    .string()
    .trim()
    .refine((s) => isValidCreditCode(s), issue('credit_code_check'))
    .describe('统一社会信用代码 (GB 32100-2015)');

export const idNumber = () =>
  z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .refine((s) => isValidIdNumber(s), issue('id_number_check'))
    .describe('居民身份证号码 (GB 11643-1999)');

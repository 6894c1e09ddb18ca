/**
 * Showing the server's errors: the Chinese message in a toast, and each field issue on the form
 * field it names (`certificate.number` → ['certificate', 'number']).
 */
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../api.ts';

/** `days.0.date` → ['days', 0, 'date'], the antd Form name path of a server field. */
export function namePath(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Named errors that are about one field although the server reports them without `fields`
 * (unique constraints, cross-field rules): shown on that field when the form has it.
 */
const fieldOfCode: Record<string, string> = {
  DUPLICATE_CREDIT_CODE: 'creditCode',
  DUPLICATE_CERTIFICATE_NUMBER: 'certificate.number',
  DUPLICATE_ID_NUMBER: 'idNumber',
  CERTIFICATE_DATES_INVALID: 'certificate.expiresOn',
  DUPLICATE_USERNAME: 'username',
  DUPLICATE_REGION_CODE: 'code',
  REGION_PARENT_MISMATCH: 'code',
  LEGAL_DIVISION_EXISTS: 'isLegalAffairs',
  WEAK_PASSWORD: 'password',
};

/** Returns a handler for failed requests; pass the form to put field issues on its fields. */
export function useFailure() {
  const { message, notification } = App.useApp();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (!(error instanceof ApiError)) {
        message.error(error instanceof Error ? error.message : String(error));
        return;
      }
      if (error.status === 401 && error.code === 'UNAUTHENTICATED') return; // on the way to the login page
      const codeField = fieldOfCode[error.code];
      if (form && !error.fields.length && codeField) {
        form.setFields([{ name: namePath(codeField), errors: [error.message] }]);
        message.error(error.message);
      } else if (error.fields.length && form) {
        form.setFields(error.fields.map((f) => ({ name: namePath(f.field), errors: [f.message] })));
        message.error(error.message);
      } else if (error.fields.length) {
        notification.error({ title: error.message, description: error.fields.map((f) => `${f.field}：${f.message}`).join('；') });
      } else {
        message.error(error.message);
      }
    },
    [message, notification],
  );
}

/** The toast API of the app (antd's App context, so it follows the theme and locale). */
export function useToast() {
  return App.useApp().message;
}

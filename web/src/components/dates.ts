/** Dates between antd pickers (dayjs) and the API (YYYY-MM-DD, ISO timestamps). */
import dayjs, { type Dayjs } from 'dayjs';

/** YYYY-MM-DD of a picked date; null when none was picked. */
export function toIsoDate(value: Dayjs): string;
export function toIsoDate(value: Dayjs | null | undefined): string | null;
export function toIsoDate(value: Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}
export const fromIsoDate = (value: string | null | undefined): Dayjs | null => (value ? dayjs(value) : null);
export const formatDateTime = (value: string | null | undefined): string => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—');
export const formatDate = (value: string | null | undefined): string => (value ? dayjs(value).format('YYYY-MM-DD') : '—');

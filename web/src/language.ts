/**
 * The staff app's language: Chinese unless the `lang` cookie says English. The public portal's
 * switch sets the same cookie (src/portal/routes.ts), so one choice serves both. This module is
 * imported first by main.tsx: it switches `ui` before any other module reads a string.
 */
import { selectLanguage, type Language } from '../../src/i18n/ui.ts';

const COOKIE = 'lang';
const YEAR_SECONDS = 365 * 24 * 3600;

function chosenLanguage(): Language {
  const match = /(?:^|;\s*)lang=([^;]*)/.exec(document.cookie);
  return match?.[1] === 'en' ? 'en' : 'zh';
}

export const language: Language = chosenLanguage();

selectLanguage(language);
document.documentElement.lang = language === 'en' ? 'en' : 'zh-CN';

/** Stores the other language and reloads, so every string (and antd's locale) is read afresh. */
export function switchLanguage(): void {
  document.cookie = `${COOKIE}=${language === 'zh' ? 'en' : 'zh'}; path=/; max-age=${YEAR_SECONDS}; samesite=lax`;
  window.location.reload();
}

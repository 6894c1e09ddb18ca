/**
 * Strings of the staff web application (web/), zh-CN first and English second, side by side.
 * The one place where the UI's text lives (this file assembles the areas kept under ./ui/); the web imports `ui` (Chinese unless the user switched to English) by relative path.
 * Server error messages are not here: they come from the API (see ./errors.ts).
 *
 * Parametrised strings are functions. This file must stay free of Node and browser APIs: it is
 * compiled into both the server's type-check and the browser bundle.
 */
import type { Leaf, Tree } from './ui/text.js';
import { accountMessages } from './ui/accounts.js';
import { archiveMessages } from './ui/archive.js';
import { auditMessages } from './ui/audit.js';
import { calendarMessages } from './ui/calendar.js';
import { caseMessages } from './ui/cases.js';
import { commonMessages } from './ui/common.js';
import { dashboardMessages } from './ui/dashboard.js';
import { deviceMessages } from './ui/devices.js';
import { exchangeMessages } from './ui/exchange.js';
import { labelMessages } from './ui/labels.js';
import { lawMessages } from './ui/laws.js';
import { organisationMessages } from './ui/organisation.js';

/** The whole tree of pairs, one area of the app per file under ./ui/, in the order the app reads them. */
const messages = {
  ...commonMessages,
  ...dashboardMessages,
  ...archiveMessages,
  ...deviceMessages,
  ...organisationMessages,
  ...accountMessages,
  ...calendarMessages,
  ...exchangeMessages,
  ...auditMessages,
  ...caseMessages,
  ...lawMessages,
  ...labelMessages,
} satisfies Tree;

/** The strings of one language, with the same shape as the tree of pairs. */
export type Localised<T> = {
  [K in keyof T]: T[K] extends { zh: infer Z; en: unknown } ? Z : Localised<T[K]>;
};

export type Language = 'zh' | 'en';

function isLeaf(node: Leaf | Tree): node is Leaf {
  return 'zh' in node && 'en' in node;
}

/** Picks one language out of the tree of pairs. */
export function localise<T extends Tree>(tree: T, language: Language): Localised<T> {
  const out: Record<string, unknown> = {};
  for (const [key, node] of Object.entries(tree)) out[key] = isLeaf(node) ? node[language] : localise(node, language);
  return out as Localised<T>;
}

export type UiStrings = Localised<typeof messages>;

/**
 * The UI in the language the staff application shows: Chinese until `selectLanguage` says
 * otherwise. One object, changed in place, so every `ui.x.y` in the web app follows the choice.
 */
export const ui: UiStrings = localise(messages, 'zh');

/** Copies `from` over `into`, branch by branch (both have the shape of the tree). */
function overwrite(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(from)) {
    if (typeof value === 'object' && value !== null) overwrite(into[key] as Record<string, unknown>, value as Record<string, unknown>);
    else into[key] = value;
  }
}

/**
 * Switches `ui` to one language. The web app calls it once at start-up, before any module reads a
 * string (see web/src/language.ts); a switch afterwards reloads the page.
 */
export function selectLanguage(language: Language): void {
  overwrite(ui as unknown as Record<string, unknown>, localise(messages, language) as unknown as Record<string, unknown>);
}
/** The UI in English (for tests, documentation and a future language switch). */
export const uiEn: UiStrings = localise(messages, 'en');

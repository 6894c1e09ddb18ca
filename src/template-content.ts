import crypto from 'node:crypto';
import { seedCalendarFromPackage } from './calendar/service.js';
import { importShippedLaws, shippedLawSources } from './lists/laws/import-laws.js';
import { ensureTemplate, type TemplateContent } from './platform/db/template.js';

/**
 * The reference data a new embedded database starts with (platform/db/template.ts): the holiday
 * calendar from the packaged notices and the law texts the product ships — the same idempotent loads
 * `createDeps` runs at every start, done once at build time. Their audit records say "system" and
 * carry the build's time, as they would carry the first start's.
 */
export const templateContent: TemplateContent = {
  signature: (() => {
    const hash = crypto.createHash('sha256');
    for (const { name, text } of shippedLawSources()) hash.update(`${name}\n${text}\n`);
    return `laws:${hash.digest('hex').slice(0, 16)}`;
  })(),
  async seed(database) {
    const ctx = { actor: null, now: new Date(), label: 'system' } as const;
    await seedCalendarFromPackage(database.db, ctx);
    await importShippedLaws(database.db, ctx);
  },
};

/** `npm run build` (bin/build-server.mjs): writes the template unless it is current. */
export const ensureTemplateWithContent = () => ensureTemplate(templateContent);
export { TEMPLATE_DIR } from './platform/db/template.js';

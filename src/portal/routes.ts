import type { FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { AuditContext } from '../audit/record.js';
import { chinaDate } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import { transaction } from '../platform/db/transaction.js';
import type { App } from '../platform/http/app.js';
import type { AppDeps } from '../deps.js';
import { errorBody } from '../platform/http/schemas.js';
import { clientAddressKey, hit, purgeExpired, retryAfter, ThrottledError } from '../platform/throttle.js';
import { contentKey } from '../platform/storage/content-store.js';
import { certificateVerdict } from './certificate-verdict.js';
import { trustedHtml } from './html.js';
import { homePage, officersPage, PAGE_STYLE_SOURCE, throttledPage, verifyNotFoundPage, verifyPage, type PageContext } from './pages.js';
import {
  certificateVerificationOut,
  presentCertificateVerification,
  presentPublicAgency,
  presentPublicOfficer,
  publicAgenciesOut,
  publicOfficerSearchOut,
  verifyPath,
} from './presenters.js';
import { findCertificatePhoto, publishedAgencies, searchOfficers } from './queries.js';
import { PORTAL_LANGUAGES, portalText, type PortalLanguage } from './text.js';
import { CERTIFICATE_NUMBER_MAX, CONTROL_CHARACTER, verifyCertificate } from './verify-certificate.js';

/** P12: the search needs at least two characters (one character would list half the registry). */
const QUERY_MIN = 2;
const QUERY_MAX = 50;

/**
 * Pages carry no script and one known style sheet; their policy says so (replacing the staff app's
 * in the other security headers @fastify/helmet sets), so an escaping bug elsewhere still cannot
 * run a script or inject a style.
 */
const pageHelmet = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      'default-src': ["'none'"],
      'style-src': [PAGE_STYLE_SOURCE],
      'img-src': ["'self'"],
      'form-action': ["'self'"],
      'base-uri': ["'none'"],
      'frame-ancestors': ["'none'"],
    },
  },
};

/** Photo types we serve as images; anything else goes out as opaque bytes. */
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

const publicRoute = { config: { public: true } } as const;
const publicPage = { ...publicRoute, helmet: pageHelmet, schema: { hide: true } };
const publicApi = { tags: ['portal'], security: [] };

function sendPage(reply: FastifyReply, status: number, body: string, cacheControl = 'no-cache') {
  // The language comes from a cookie: a shared cache must keep one copy per cookie.
  return reply.status(status).header('cache-control', cacheControl).header('vary', 'Cookie').type('text/html; charset=utf-8').send(body);
}

/** A query-string value as typed, or '' when absent or repeated. */
function queryText(request: FastifyRequest, name: string): string {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * The reader's language: Chinese unless `?lang=en` (the header's switch) or the `lang` cookie that
 * switch leaves says otherwise. The staff app reads the same cookie, so one choice serves both.
 */
export const LANGUAGE_COOKIE = 'lang';
const isLanguage = (value: unknown): value is PortalLanguage => PORTAL_LANGUAGES.includes(value as PortalLanguage);

function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  const chosen = queryText(request, 'lang');
  if (isLanguage(chosen)) {
    // Not HttpOnly: the staff app reads it too. A year, like any site's language preference.
    reply.setCookie(LANGUAGE_COOKIE, chosen, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
  }
  const cookie = request.cookies[LANGUAGE_COOKIE];
  const lang: PortalLanguage = isLanguage(chosen) ? chosen : isLanguage(cookie) ? cookie : 'zh';
  // The same page (path and query) in the other language.
  const url = new URL(request.url, 'http://portal.invalid');
  url.searchParams.set('lang', lang === 'zh' ? 'en' : 'zh');
  return { lang, switchHref: `${url.pathname}${url.search}` };
}

/** Public verification is anonymous by design, even when a logged-in member of staff does it. */
const publicAuditContext = (request: FastifyRequest, deps: AppDeps): AuditContext => ({
  actor: null,
  now: deps.clock.now(),
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? null,
});

/**
 * 公示平台 — the public portal (P2, P3, P12, P13): server-rendered pages and their JSON twins under
 * /api/public. Nothing here needs a login; everything goes through ./presenters.ts.
 */
export async function portalRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const today = () => chinaDate(deps.clock.now());

  const loadAgencies = async () => {
    const found = await publishedAgencies(db);
    return { agencies: found.agencies.map(presentPublicAgency), supervisors: found.supervisors.map(presentPublicAgency) };
  };

  const loadOfficers = async (q: string) => {
    const day = today();
    const { rows, truncated } = await searchOfficers(db, q);
    return { items: rows.map((row) => presentPublicOfficer(row, certificateVerdict(row, day))), truncated };
  };

  const check = (request: FastifyRequest, certificateNumber: string, channel: 'page' | 'api') =>
    transaction(deps.database, (tx) => verifyCertificate(tx, publicAuditContext(request, deps), certificateNumber, today(), channel));

  /**
   * Anonymous certificate checks are counted per client address (each one is also an audit row);
   * over PUBLIC_VERIFY_PER_MINUTE the answer is 429 until the minute is over.
   */
  const checkThrottled = async (request: FastifyRequest): Promise<ThrottledError | null> => {
    const now = deps.clock.now();
    // Blocked at N + 1: N checks a minute are answered.
    const rule = { windowSeconds: 60, limit: deps.config.publicVerifyPerMinute + 1 };
    const state = await hit(db, `public-verify:${clientAddressKey(request.ip)}`, now, rule);
    if (state.count === 1) await purgeExpired(db, now);
    const seconds = retryAfter(state, rule.limit, now);
    return seconds === null ? null : new ThrottledError('RATE_LIMITED', seconds);
  };

  // ---- Pages ----

  app.get('/', publicPage, async (request, reply) => sendPage(reply, 200, homePage(pageContext(request, reply), await loadAgencies())));

  app.get('/officers', publicPage, async (request, reply) => {
    const ctx = pageContext(request, reply);
    const q = queryText(request, 'q');
    if (!q) return sendPage(reply, 200, officersPage(ctx, { q, problem: null, result: null }));
    const problem =
      q.length < QUERY_MIN ? portalText.searchHint : q.length > QUERY_MAX ? portalText.searchTooLong : CONTROL_CHARACTER.test(q) ? portalText.searchInvalid : null;
    if (problem) return sendPage(reply, 400, officersPage(ctx, { q, problem, result: null }));
    return sendPage(reply, 200, officersPage(ctx, { q, problem: null, result: await loadOfficers(q) }));
  });

  app.get('/verify/officer/:certificateNumber', publicPage, async (request, reply) => {
    const { certificateNumber } = request.params as { certificateNumber: string };
    const ctx = pageContext(request, reply);
    const throttled = await checkThrottled(request);
    if (throttled) return sendPage(reply.header('retry-after', String(throttled.retryAfterSeconds)), 429, throttledPage(ctx), 'no-store');
    const result = await check(request, certificateNumber, 'page');
    if (!result.found) return sendPage(reply, 404, verifyNotFoundPage(ctx, result.certificateNumber, result.checkedOn), 'no-store');
    const verification = presentCertificateVerification(result);
    // The QR code carries this page's own address, so a printed card leads back to a live check.
    const qr = await QRCode.toString(`${deps.config.publicUrl}${verifyPath(verification.certificateNumber)}`, {
      type: 'svg',
      margin: 1,
      errorCorrectionLevel: 'M',
    });
    return sendPage(reply, 200, verifyPage(ctx, verification, trustedHtml(qr)), 'no-store');
  });

  app.get('/verify/officer/:certificateNumber/photo', { ...publicRoute, schema: { hide: true } }, async (request, reply) => {
    const { certificateNumber } = request.params as { certificateNumber: string };
    const plausible = certificateNumber.length <= CERTIFICATE_NUMBER_MAX && !CONTROL_CHARACTER.test(certificateNumber);
    const photo = plausible ? await findCertificatePhoto(db, certificateNumber) : null;
    if (!photo) throw new AppError('NOT_FOUND');
    // Short public caching: a withdrawn confirmation or a new photo shows within minutes.
    const etag = `"${photo.sha256}"`;
    reply.header('cache-control', 'public, max-age=300').header('etag', etag).header('x-content-type-options', 'nosniff');
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    if (photo.size !== null) reply.header('content-length', photo.size);
    reply.type(IMAGE_TYPES.has(photo.contentType) ? photo.contentType : 'application/octet-stream');
    return reply.send(await deps.store.get(contentKey(photo.sha256)));
  });

  // ---- JSON twins ----

  app.get(
    '/api/public/agencies',
    {
      ...publicRoute,
      schema: { ...publicApi, summary: '公示执法主体 Published agencies and supervising justice bureaus (P2, P13)', response: { 200: publicAgenciesOut } },
    },
    async () => loadAgencies(),
  );

  app.get(
    '/api/public/officers',
    {
      ...publicRoute,
      schema: {
        ...publicApi,
        summary: '执法人员查询 Search officers by name or certificate number (P12)',
        querystring: z.object({
          q: z
            .string()
            .trim()
            .min(QUERY_MIN)
            .max(QUERY_MAX)
            .refine((q) => !CONTROL_CHARACTER.test(q), { params: { code: 'invalid_format' } })
            .describe('姓名或执法证号（2–50 字） Name or certificate number'),
        }),
        response: { 200: publicOfficerSearchOut, 400: errorBody },
      },
    },
    async (request) => loadOfficers(request.query.q),
  );

  app.get(
    '/api/public/officers/:certificateNumber',
    {
      ...publicRoute,
      schema: {
        ...publicApi,
        summary: '执法证件核验 Is this certificate valid today? (P3, P12)',
        params: z.object({ certificateNumber: z.string() }),
        response: { 200: certificateVerificationOut, 404: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const throttled = await checkThrottled(request);
      if (throttled) throw throttled;
      const result = await check(request, request.params.certificateNumber, 'api');
      reply.header('cache-control', 'no-store');
      if (!result.found) throw new AppError('NOT_FOUND');
      return presentCertificateVerification(result);
    },
  );
}

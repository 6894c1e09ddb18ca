import type { Clock } from '../platform/clock.js';
import type { Database } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import type { Authentication } from '../platform/http/app.js';
import { actorFromApiToken, actorFromSession, CSRF_HEADER, csrfMatches, SESSION_COOKIE } from './authenticate.js';
import { isOwnPageRequest } from './fetch-metadata.js';
import type {} from './request-context.js'; // request.actor, request.csrfToken

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Who is asking, on every request: a bearer API token or the session cookie. Routes not marked
 * public refuse anonymous callers; cookie-authenticated writes must echo the session's CSRF token,
 * and cookie-authenticated reads must come from our own pages (fetch-metadata.ts). The composition
 * root hands this to the app builder, so platform/ knows no users.
 */
export const sessionOrTokenAuthentication: Authentication<{ database: Database; clock: Clock }> = {
  securitySchemes: {
    session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
    token: { type: 'http', scheme: 'bearer' },
  },

  register(app, deps) {
    app.decorateRequest('actor', null);
    app.decorateRequest('csrfToken', null);

    // onRequest, so an anonymous caller learns nothing from validation errors.
    app.addHook('onRequest', async (request) => {
      if (request.is404) return;
      const meta = { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
      const now = deps.clock.now();
      const authorization = request.headers.authorization;
      if (authorization?.startsWith('Bearer ')) {
        request.actor = await actorFromApiToken(deps.database.db, authorization.slice(7).trim(), now, meta);
        if (!request.actor) throw new AppError('UNAUTHENTICATED');
      } else {
        const token = request.cookies[SESSION_COOKIE];
        const found = token ? await actorFromSession(deps.database.db, token, now, meta) : null;
        if (found) {
          request.actor = found.actor;
          request.csrfToken = found.csrfToken;
        }
      }
      const isPublic = request.routeOptions.config?.public === true;
      if (!isPublic && !request.actor) throw new AppError('UNAUTHENTICATED');
      // Cookie-authenticated writes must echo the session's CSRF token in a header.
      if (request.actor?.via === 'session' && UNSAFE.has(request.method)) {
        if (!csrfMatches(request.csrfToken!, request.headers[CSRF_HEADER] as string | undefined)) {
          throw new AppError('CSRF_TOKEN_INVALID');
        }
      }
      // …and reads, many of which are recorded (a case viewed, personal data shown), must come from our own pages.
      if (request.actor?.via === 'session' && !UNSAFE.has(request.method) && !isPublic && !isOwnPageRequest(request)) {
        throw new AppError('CROSS_SITE_REQUEST');
      }
    });
  },
};

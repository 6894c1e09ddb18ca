import type { FastifyRequest } from 'fastify';
import type {} from './request-context.js'; // request.actor, request.csrfToken
import { CSRF_HEADER, csrfMatches } from './authenticate.js';

/**
 * Cross-site reads. A GET that another site's page makes — a link, an <img>, a prefetch — carries
 * the victim's session cookie (SameSite=Lax lets top-level navigations through), and many reads
 * are recorded in the victim's name (a case viewed, a person's data displayed, a document
 * downloaded). So a cookie-authenticated read must show that it comes from our own pages: the
 * browser's Fetch Metadata says `Sec-Fetch-Site: same-origin` (or `none`: an address the user
 * typed or bookmarked), or the request carries the session's CSRF token as writes do. A request
 * with neither — another site's link, or a browser too old to send Fetch Metadata — is refused,
 * and nothing is recorded. Bearer tokens are never sent by a browser on its own and need neither.
 * (W3C Fetch Metadata Request Headers, https://www.w3.org/TR/fetch-metadata/)
 */
export function isOwnPageRequest(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'same-origin' || site === 'none') return true;
  return !!request.csrfToken && csrfMatches(request.csrfToken, request.headers[CSRF_HEADER] as string | undefined);
}

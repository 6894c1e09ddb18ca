import fastify from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { actorFromApiToken, actorFromSession, CSRF_HEADER, csrfMatches, SESSION_COOKIE } from '../../accounts/authenticate.js';
import { AppError } from '../errors.js';
import { redactError } from '../log-redaction.js';
import type { App, AppDeps } from './context.js';
import { clientErrorHandler, frameworkErrorHandler } from './client-errors.js';
import { errorHandler } from './errors-handler.js';
import { isOwnPageRequest } from './fetch-metadata.js';
import { refuseUnstorableInput } from './storable-input.js';

export type Module = (app: App, deps: AppDeps) => Promise<void> | void;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The Content-Security-Policy of the staff app (and of every API answer): the Vite build loads its
 * scripts from /app/assets only, with no inline script; antd writes its CSS-in-JS into <style>
 * elements, hence 'unsafe-inline' for styles only; the signature pad and downloads use data: and
 * blob: URLs; uploads (tus) and the API are fetch/XHR to the same origin. Nothing may frame us.
 * The public portal's pages set a stricter policy of their own (src/portal/routes.ts).
 */
export const STAFF_APP_CSP = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'media-src': ["'self'", 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** pino options with every logged `err` redacted (query parameters carry password and token hashes). */
function loggerOptions(logger: boolean | object): boolean | object {
  if (logger === false) return false;
  const base = logger === true ? {} : (logger as { serializers?: object });
  return { ...base, serializers: { ...base.serializers, err: redactError } };
}

/**
 * Builds the HTTP application: validation and OpenAPI from the same Zod schemas, authentication
 * on every route unless it is marked public, CSRF on cookie-authenticated writes, one error shape.
 */
export async function buildApp(deps: AppDeps, modules: Module[], options: { logger?: boolean | object } = {}) {
  const app = fastify({
    logger: loggerOptions(options.logger ?? false),
    // Off unless TRUST_PROXY names the proxy: otherwise anyone could set the audited address with X-Forwarded-For.
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    ajv: undefined,
    // Refusals before any route runs answer in the error shape too (issue 7).
    clientErrorHandler,
    frameworkErrors: frameworkErrorHandler,
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;

  // Security headers on every answer, errors and 404s included (registered before the auth hook,
  // whose refusals are answers too).
  const https = deps.config.publicUrl.startsWith('https://');
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: https ? { ...STAFF_APP_CSP, 'upgrade-insecure-requests': [] } : STAFF_APP_CSP },
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' }, // as frame-ancestors 'none', for browsers without CSP 2
    // HSTS only where the site is served over HTTPS; over plain HTTP browsers ignore it anyway.
    strictTransportSecurity: https ? { maxAge: 31_536_000 } : false,
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => {
    const error = new AppError('ROUTE_NOT_FOUND');
    return reply.status(404).send(error.toBody());
  });

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sanxiang 三项制度 API',
        version: '0.1.0',
        description: 'Publicity, whole-process recording and legal review of administrative enforcement.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });

  // Before schema validation: no route ever sees text that cannot be stored (NUL, lone surrogates).
  app.addHook('preValidation', refuseUnstorableInput);

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

  app.get(
    '/api/openapi.json',
    { config: { public: true }, schema: { hide: true } },
    async () => app.swagger(),
  );

  for (const register of modules) await register(app, deps);
  await app.ready();
  return app;
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions, type RawServerDefault } from 'fastify';
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
import type { Config } from '../../config.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { redactError } from '../log-redaction.js';
import { clientErrorHandler, frameworkErrorHandler } from './client-errors.js';
import { errorHandler } from './errors-handler.js';
import { refuseUnstorableInput } from './storable-input.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without logging in (public portal, login). */
    public?: boolean;
  }
}

/** The Fastify instance with Zod as its type provider. */
export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** What the app builder itself needs; the composition root's dependencies (src/deps.ts) hold more. */
export interface PlatformDeps {
  database: Database;
  clock: Clock;
  config: Config;
}

/** An HTTP module: registers its routes on the app, given the composition root's dependencies. */
export type Module<D> = (app: App, deps: D) => Promise<void> | void;

type SecurityScheme = { type: 'apiKey'; in: 'cookie' | 'header'; name: string } | { type: 'http'; scheme: 'bearer' };

/**
 * How requests are authenticated, supplied by the composition root (the accounts module's hook),
 * so that platform/ knows no users, sessions or roles.
 */
export interface Authentication<D> {
  /** The OpenAPI security schemes the hook accepts; any one of them will do. */
  securitySchemes: Record<string, SecurityScheme>;
  /** Decorates the request and adds the onRequest hook that refuses anonymous calls to routes not marked public. */
  register(app: App, deps: D): void;
}

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

/** Fastify's compiler factories giving Zod's compilers (Fastify's types expect Ajv's and fast-json-stringify's). */
const ZOD_COMPILERS = { buildValidator: () => validatorCompiler, buildSerializer: () => serializerCompiler } as unknown as NonNullable<
  NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
>;

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
export async function buildApp<D extends PlatformDeps>(
  deps: D,
  modules: Module<D>[],
  options: { authentication: Authentication<D>; logger?: boolean | object },
) {
  const app = fastify({
    logger: loggerOptions(options.logger ?? false),
    // Off unless TRUST_PROXY names the proxy: otherwise anyone could set the audited address with X-Forwarded-For.
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    ajv: undefined,
    // Zod validates and serialises every route (below); Fastify's default compilers, Ajv and
    // fast-json-stringify, would only be loaded at start-up and never used (issue 8).
    schemaController: { compilersFactory: ZOD_COMPILERS },
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
      components: { securitySchemes: options.authentication.securitySchemes },
      security: Object.keys(options.authentication.securitySchemes).map((name) => ({ [name]: [] })),
    },
    transform: jsonSchemaTransform,
  });

  // Before schema validation: no route ever sees text that cannot be stored (NUL, lone surrogates).
  app.addHook('preValidation', refuseUnstorableInput);

  // Registered before the modules' routes, so that it covers each of them.
  options.authentication.register(app, deps);

  app.get(
    '/api/openapi.json',
    { config: { public: true }, schema: { hide: true } },
    async () => app.swagger(),
  );

  for (const register of modules) await register(app, deps);
  await app.ready();
  return app;
}

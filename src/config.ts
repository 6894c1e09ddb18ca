import path from 'node:path';
import { DEFAULT_APP_ROLE } from './platform/db/roles.js';

/**
 * Runtime configuration, read once from environment variables. Every setting has a default that
 * makes `npm start` work on a fresh machine; the README lists them all.
 */
export interface Config {
  /** HTTP port (PORT). */
  port: number;
  /** Interface to bind (HOST). */
  host: string;
  /** Public base URL used in QR codes and links (PUBLIC_URL). */
  publicUrl: string;
  /** Directory for the embedded database and local files (DATA_DIR). */
  dataDir: string;
  /** PostgreSQL connection string; when unset the embedded PGlite database under DATA_DIR is used. */
  databaseUrl: string | undefined;
  /**
   * PostgreSQL connection of the owner role, for migrations (MIGRATION_DATABASE_URL). When set, the
   * server migrates through it and serves through DATABASE_URL, which should then name the
   * application role (DATABASE_APP_ROLE), which may not alter tables or switch off triggers.
   */
  migrationDatabaseUrl: string | undefined;
  /** The application role that migrations grant privileges to, when it exists (DATABASE_APP_ROLE). */
  databaseAppRole: string;
  /** Load the demo agencies on first start (SANXIANG_DEMO=0 to start empty). */
  demo: boolean;
  storage: StorageConfig;
  /** Session lifetime in minutes (SESSION_TTL_MINUTES). */
  sessionTtlMinutes: number;
  /**
   * Failed logins per account name (LOGIN_MAX_FAILURES) and per client address
   * (LOGIN_MAX_FAILURES_PER_IP) before further logins are refused for LOGIN_LOCK_MINUTES, which is
   * also the window the failures are counted in. Unknown account names are counted the same way.
   */
  loginMaxFailures: number;
  loginMaxFailuresPerIp: number;
  loginLockMinutes: number;
  /** Anonymous certificate checks per client address and minute (PUBLIC_VERIFY_PER_MINUTE). */
  publicVerifyPerMinute: number;
  /** Lifetime of an API token when the request names none (API_TOKEN_DEFAULT_DAYS; at most 365). */
  apiTokenDefaultDays: number;
  /** Mark the session cookie Secure (COOKIE_SECURE; on by default when PUBLIC_URL is https). */
  cookieSecure: boolean;
  /**
   * Which proxies may set the client address through X-Forwarded-For (TRUST_PROXY): unset means
   * none; otherwise a comma list of addresses or CIDRs (or proxy-addr's names such as loopback),
   * passed to Fastify's trustProxy.
   */
  trustProxy: false | string;
  /** pino log level (LOG_LEVEL). */
  logLevel: string;
  /** Bytes of unfinished evidence uploads one user may hold at once (UPLOAD_QUOTA_BYTES, default 20 GiB). */
  uploadQuotaBytes: number;
  /** Hours after which an unfinished upload is removed and its space returned (UPLOAD_EXPIRY_HOURS, default 24). */
  uploadExpiryHours: number;
}

export type StorageConfig =
  | { kind: 'fs'; root: string }
  | {
      kind: 's3';
      endpoint: string | undefined;
      region: string;
      bucket: string;
      accessKeyId: string | undefined;
      secretAccessKey: string | undefined;
      forcePathStyle: boolean;
    };

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

function int(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`Expected a non-negative integer, got "${value}"`);
  return n;
}

/**
 * TRUST_PROXY: off unless set; otherwise the proxies' addresses or CIDRs. Not a hop count or
 * "true": Fastify 5 cannot check the immediate peer against a hop count, and "true" would let
 * every client choose its own address again.
 */
function trustProxy(value: string | undefined): false | string {
  const v = value?.trim();
  if (!v || ['0', 'false', 'no', 'off'].includes(v.toLowerCase())) return false;
  if (/^\d+$/.test(v) || ['true', 'yes', 'on', '1'].includes(v.toLowerCase())) {
    throw new Error(`TRUST_PROXY takes the proxy's addresses or CIDRs (e.g. 127.0.0.1 or 10.0.0.0/8), got "${v}"`);
  }
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .join(',');
}

/** Builds the configuration from an environment (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR || './data');
  const port = int(env.PORT, 3000);
  const storage: StorageConfig =
    env.STORAGE === 's3' || env.S3_BUCKET
      ? {
          kind: 's3',
          endpoint: env.S3_ENDPOINT || undefined,
          region: env.S3_REGION || 'us-east-1',
          bucket: env.S3_BUCKET || 'sanxiang',
          accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
          forcePathStyle: flag(env.S3_FORCE_PATH_STYLE, true),
        }
      : { kind: 'fs', root: path.join(dataDir, 'files') };
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, '');
  return {
    port,
    host: env.HOST || '0.0.0.0',
    publicUrl,
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL || undefined,
    databaseAppRole: env.DATABASE_APP_ROLE || DEFAULT_APP_ROLE,
    demo: flag(env.SANXIANG_DEMO, true),
    storage,
    sessionTtlMinutes: int(env.SESSION_TTL_MINUTES, 8 * 60),
    loginMaxFailures: int(env.LOGIN_MAX_FAILURES, 5),
    loginMaxFailuresPerIp: int(env.LOGIN_MAX_FAILURES_PER_IP, 50),
    loginLockMinutes: int(env.LOGIN_LOCK_MINUTES, 15),
    publicVerifyPerMinute: int(env.PUBLIC_VERIFY_PER_MINUTE, 30),
    apiTokenDefaultDays: Math.min(int(env.API_TOKEN_DEFAULT_DAYS, 90), 365) || 90,
    cookieSecure: flag(env.COOKIE_SECURE, /^https:\/\//i.test(publicUrl)),
    trustProxy: trustProxy(env.TRUST_PROXY),
    logLevel: env.LOG_LEVEL || 'info',
    uploadQuotaBytes: int(env.UPLOAD_QUOTA_BYTES, 20 * 1024 ** 3),
    uploadExpiryHours: int(env.UPLOAD_EXPIRY_HOURS, 24),
  };
}

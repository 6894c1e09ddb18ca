import path from 'node:path';

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
  /** Load the demo agencies on first start (SANXIANG_DEMO=0 to start empty). */
  demo: boolean;
  storage: StorageConfig;
  /** Session lifetime in minutes (SESSION_TTL_MINUTES). */
  sessionTtlMinutes: number;
  /** Failed logins before an account is locked (LOGIN_MAX_FAILURES) and for how long (LOGIN_LOCK_MINUTES). */
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Mark the session cookie Secure (COOKIE_SECURE=1 behind HTTPS). */
  cookieSecure: boolean;
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
  return {
    port,
    host: env.HOST || '0.0.0.0',
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    demo: flag(env.SANXIANG_DEMO, true),
    storage,
    sessionTtlMinutes: int(env.SESSION_TTL_MINUTES, 8 * 60),
    loginMaxFailures: int(env.LOGIN_MAX_FAILURES, 5),
    loginLockMinutes: int(env.LOGIN_LOCK_MINUTES, 15),
    cookieSecure: flag(env.COOKIE_SECURE, false),
    logLevel: env.LOG_LEVEL || 'info',
    uploadQuotaBytes: int(env.UPLOAD_QUOTA_BYTES, 20 * 1024 ** 3),
    uploadExpiryHours: int(env.UPLOAD_EXPIRY_HOURS, 24),
  };
}

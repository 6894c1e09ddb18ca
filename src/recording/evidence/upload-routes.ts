import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { FileStore } from '@tus/file-store';
import { EVENTS, Metadata, Server, type Upload } from '@tus/server';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../accounts/roles.js';
import type { AuditContext } from '../../audit/record.js';
import type { ErrorCode } from '../../i18n/errors.js';
import { AppError, fieldIssue } from '../../platform/errors.js';
import { actorOf, auditContext } from '../../accounts/request-context.js';
import type { App } from '../../platform/http/app.js';
import type { AppDeps } from '../../deps.js';
import { toAppError } from '../../platform/http/errors-handler.js';
import { errorBody, noBody } from '../../platform/http/schemas.js';
import { contentKey } from '../../platform/storage/content-store.js';
import { digestFile, type Digests } from '../../platform/storage/dual-digest.js';
import { HashingDataStore } from '../../platform/storage/hashing-data-store.js';
import { caseEvents } from '../tables.js';
import { addEvidence, checkEvidence, stagingDirectory } from './add-evidence.js';
import { metaToTus, parseEvidenceMeta } from './metadata.js';
import { expiredUploadIds, releaseUploadSpace, reserveUploadSpace, uploadExpired } from './upload-quota.js';

export const UPLOADS_PATH = '/api/uploads';
/** The largest evidence file accepted (4 GiB: a few hours of body-camera video). */
export const EVIDENCE_MAX_BYTES = 4 * 1024 ** 3;
/** Response header of the request that completed an upload: the id of the evidence item it became. */
export const EVIDENCE_ID_HEADER = 'Evidence-Id';
/** tus ids: 16 random bytes in hex (Uid.rand). */
const UPLOAD_ID = /^[0-9a-f]{32}$/;

/** Who is uploading, handed from the Fastify request to the tus hooks. */
interface UploadRequestState {
  request: FastifyRequest;
  actor: Actor;
  ctx: AuditContext;
}

const requestStates = new WeakMap<Request, UploadRequestState>();

function stateOf(req: Request): UploadRequestState {
  const state = requestStates.get(req);
  if (!state) throw new AppError('UNAUTHENTICATED');
  return state;
}

/** tus protocol refusals (text bodies) as our error codes. */
const tusStatusCodes: Record<number, ErrorCode> = {
  400: 'MALFORMED_REQUEST',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  410: 'NOT_FOUND',
  412: 'MALFORMED_REQUEST',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** A tus protocol refusal (status and text body) as our error. */
function tusRefusal(status: number, body?: string): AppError {
  const code = tusStatusCodes[status] ?? (status < 500 ? 'MALFORMED_REQUEST' : 'INTERNAL');
  return new AppError(code, [], body?.trim() ? { tus: body.trim() } : undefined);
}

/** True if the body is already our error shape. */
function isErrorBody(body: Buffer): boolean {
  try {
    const error = (JSON.parse(body.toString('utf8')) as { error?: { code?: unknown } }).error;
    return typeof error?.code === 'string';
  } catch {
    return false;
  }
}

function asAppError(req: Request, error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error && typeof error === 'object' && 'status_code' in error && 'body' in error) {
    const { status_code: status, body } = error as { status_code: number; body?: string };
    return tusRefusal(status, body);
  }
  const state = requestStates.get(req);
  const appError = state ? toAppError(error, state.request) : new AppError('INTERNAL');
  if (appError.status >= 500) state?.request.log.error({ err: error }, 'evidence upload failed');
  return appError;
}

/**
 * The tus server behind /api/uploads (resumable upload of A/V records, R3, R7): uploads are
 * staged in DATA_DIR/uploads and hashed (SHA-256 and SM3) as PATCH requests arrive; a finished
 * upload is moved into the content store and recorded as evidence of its case, in the request
 * that completed it.
 *
 * Staging is on local disk whatever the content store is: @tus/s3-store resumes an upload by
 * listing the parts of the S3 multipart upload (ListParts), which S3-compatible test servers such
 * as s3rver do not implement, and a local stage keeps the finishing move a rename.
 */
export function createEvidenceUploads(deps: AppDeps) {
  const directory = stagingDirectory(deps);
  // No tus expiration: with it, tus re-reads a finished upload after the finish hook has moved it away.
  const files = new FileStore({ directory });
  const datastore = new HashingDataStore(files);

  const server = new Server({
    path: UPLOADS_PATH,
    datastore,
    relativeLocation: true,
    maxSize: EVIDENCE_MAX_BYTES,
    exposedHeaders: [EVIDENCE_ID_HEADER],
    // Metadata was validated before the request reached tus (checkCreation); reserve the space
    // it announces, then store it normalised, with the uploader.
    onUploadCreate: async (req, upload) => {
      const { actor, ctx } = stateOf(req);
      const meta = parseEvidenceMeta(upload.metadata ?? {});
      await reserveUploadSpace(deps, { id: upload.id, userId: actor.userId, bytes: upload.size ?? 0 }, ctx.now);
      return { metadata: { ...metaToTus(meta), uploaderId: actor.userId } };
    },
    onUploadFinish: async (req, upload: Upload) => {
      const { actor, ctx } = stateOf(req);
      const meta = parseEvidenceMeta(upload.metadata ?? {});
      const stagedPath = path.join(directory, upload.id);
      // After a restart mid-upload, or on a retry, the hash state is gone: read the staged file once more.
      const digests = datastore.takeDigests(upload.id, upload.size ?? upload.offset) ?? (await digestFile(stagedPath));
      try {
        const added = await addEvidence(deps, ctx, actor, { path: stagedPath, digests }, meta, { uploadId: upload.id });
        await files.configstore.delete(upload.id);
        await releaseUploadSpace(deps.database.db, upload.id);
        return { headers: { [EVIDENCE_ID_HEADER]: added.evidence.id } };
      } catch (error) {
        if (error instanceof AppError && error.code === 'FILE_TYPE_MISMATCH') {
          // Wrong bytes for the declared kind: nothing to retry, give the space back.
          await discardUpload(upload.id);
        } else {
          // Anything else (the case was closed meanwhile, the database failed) leaves the whole
          // upload staged: the client finishes it later with an empty PATCH at the final offset.
          await keepStaged(stagedPath, digests);
        }
        throw error;
      }
    },
    onResponseError: (req, error) => {
      const appError = asAppError(req, error);
      return { status_code: appError.status, body: JSON.stringify(appError.toBody()) };
    },
  });

  /** Puts the bytes back in staging if the failed finish had already moved them to the content store. */
  const keepStaged = async (stagedPath: string, digests: Digests) => {
    if (fs.existsSync(stagedPath)) return;
    const key = contentKey(digests.sha256);
    if (!(await deps.store.exists(key))) return;
    await pipeline(await deps.store.get(key), fs.createWriteStream(stagedPath));
  };

  /** Removes an upload from staging (bytes and tus metadata) and returns its reserved space. */
  const discardUpload = async (id: string) => {
    datastore.forget(id);
    await files.remove(id).catch(() => undefined);
    await fsp.rm(path.join(directory, id), { force: true });
    await releaseUploadSpace(deps.database.db, id);
  };

  // A cancelled upload (tus DELETE) gives its space back.
  server.on(EVENTS.POST_TERMINATE, (_req: unknown, _res: unknown, id: string) => {
    void releaseUploadSpace(deps.database.db, id).catch(() => undefined);
  });

  return { server, datastore, files, directory, discardUpload };
}

/** How often abandoned uploads are looked for. */
export const UPLOAD_SWEEP_INTERVAL_MS = 15 * 60_000;

/**
 * Removes uploads not finished within UPLOAD_EXPIRY_HOURS of their creation (issue 7): the staged
 * bytes and tus metadata go, and the reserved space is returned. Runs every
 * UPLOAD_SWEEP_INTERVAL_MS in the server; tests call it with the injected clock. Returns the ids removed.
 */
export async function sweepExpiredUploads(deps: Pick<AppDeps, 'database' | 'config'>, now: Date, uploads?: Pick<EvidenceUploads, 'discardUpload'>): Promise<string[]> {
  const discard =
    uploads?.discardUpload ??
    (async (id: string) => {
      const directory = stagingDirectory(deps);
      await new FileStore({ directory }).remove(id).catch(() => undefined);
      await fsp.rm(path.join(directory, id), { force: true });
      await releaseUploadSpace(deps.database.db, id);
    });
  const ids = await expiredUploadIds(deps.database.db, now);
  for (const id of ids) await discard(id);
  return ids;
}

export type EvidenceUploads = ReturnType<typeof createEvidenceUploads>;

/**
 * A Node stream as a web stream that reads only when asked (highWaterMark 0): Node 20's
 * Readable.toWeb buffers ahead of a slow consumer, so a fast client could fill memory.
 */
function pullStream(readable: Readable): ReadableStream<Uint8Array> {
  const chunks = readable[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      },
      async cancel() {
        await chunks.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

/** The Fastify request as the web Request tus reads; the body stream is handed over unread. */
function toWebRequest(request: FastifyRequest): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.raw.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const hasBody = request.method === 'PATCH' || request.method === 'POST';
  const init: RequestInit & { duplex?: 'half' } = {
    method: request.method,
    headers,
    ...(hasBody ? { body: pullStream(request.raw), duplex: 'half' } : {}),
  };
  return new Request(`http://${request.headers.host ?? 'localhost'}${request.raw.url}`, init);
}

async function sendWebResponse(request: FastifyRequest, reply: FastifyReply, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  let body = response.status === 204 || request.method === 'HEAD' || !response.body ? null : Buffer.from(await response.arrayBuffer());
  if (response.status >= 400) {
    // Some tus refusals (412 without Tus-Resumable, 415 for a PATCH of another type) bypass
    // onResponseError and carry text: answer them in the error shape too.
    if (body && !isErrorBody(body)) body = Buffer.from(JSON.stringify(tusRefusal(response.status, body.toString('utf8')).toBody()));
    headers['content-type'] = 'application/json; charset=utf-8';
    if (body) headers['content-length'] = String(body.length);
    // A refused upload is left unread: close rather than read the rest of it.
    if (!request.raw.complete) headers.connection = 'close';
  }
  if (reply.raw.destroyed) return;
  reply.raw.writeHead(response.status, headers);
  reply.raw.end(body);
}

const uploadIdParams = z.object({ id: z.string() });
const uploadErrors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 415: errorBody, 422: errorBody };

/**
 * /api/uploads: the tus 1.0 protocol (creation, creation-with-upload, termination, expiration)
 * for evidence files, behind the application's authentication (session cookie + x-csrf-token on
 * writes, or a bearer token). Each upload belongs to the user who created it.
 */
export async function evidenceUploadRoutes(app: App, deps: AppDeps) {
  const uploads = createEvidenceUploads(deps);
  const { db } = deps.database;

  // The body of a PATCH is tus's to read: leave the stream untouched.
  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null, undefined));

  /** Validates a new upload's metadata and case before tus creates anything. */
  const checkCreation = async (request: FastifyRequest, actor: Actor, ctx: AuditContext) => {
    // The length is required (no Upload-Defer-Length): it is what the quota reserves.
    const length = request.headers['upload-length'];
    if (length === undefined) throw new AppError('VALIDATION_FAILED', [fieldIssue('Upload-Length', 'required')]);
    if (Number(length) === 0) throw new AppError('VALIDATION_FAILED', [fieldIssue('Upload-Length', 'too_small')]);
    let raw: Record<string, string | null>;
    try {
      raw = Metadata.parse((request.headers['upload-metadata'] as string | undefined) ?? '');
    } catch {
      throw new AppError('MALFORMED_REQUEST');
    }
    const meta = parseEvidenceMeta(raw);
    await checkEvidence(db, actor, meta, ctx.now);
  };

  /** An upload in progress is visible to its uploader only, and only until it expires. */
  const checkOwner = async (id: string, actor: Actor) => {
    if (!UPLOAD_ID.test(id)) throw new AppError('NOT_FOUND');
    const upload = await uploads.datastore.getUpload(id).catch(() => null);
    if (!upload || upload.metadata?.uploaderId !== actor.userId) throw new AppError('NOT_FOUND');
    if (await uploadExpired(db, id, deps.clock.now())) throw new AppError('NOT_FOUND');
  };

  // Abandoned uploads are swept while the server runs.
  const sweeper = setInterval(() => {
    sweepExpiredUploads(deps, deps.clock.now(), uploads).catch((err: unknown) => app.log.error({ err }, 'upload sweep failed'));
  }, UPLOAD_SWEEP_INTERVAL_MS);
  sweeper.unref();
  app.addHook('onClose', async () => clearInterval(sweeper));

  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = actorOf(request);
    const ctx = auditContext(request, deps);
    const { id } = (request.params ?? {}) as { id?: string };
    if (request.method === 'POST') await checkCreation(request, actor, ctx);
    else await checkOwner(id ?? '', actor);
    reply.hijack();
    const webRequest = toWebRequest(request);
    requestStates.set(webRequest, { request, actor, ctx });
    try {
      await sendWebResponse(request, reply, await uploads.server.handleWeb(webRequest));
    } catch (error) {
      request.log.error({ err: error }, 'evidence upload response failed');
      if (!reply.raw.headersSent && !reply.raw.destroyed) {
        reply.raw.writeHead(500, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
        reply.raw.end(JSON.stringify(new AppError('INTERNAL').toBody()));
      } else reply.raw.destroy();
    }
  };

  const closeOnError = async (_request: FastifyRequest, reply: FastifyReply) => {
    reply.header('connection', 'close');
  };
  const description =
    'tus 1.0 (https://tus.io/protocols/resumable-upload). Upload-Metadata: caseId, step, kind (photo|audio|video|scan|other), title, capturedAt (ISO 8601), deviceId?, location?, confidentiality (none|personal_privacy|trade_secret|state_secret), filename?, filetype?, lateReason?. ' +
    'The case must be open and workable by you; text may not hold NUL or unpaired surrogates; capturedAt is not before 1990 nor in the future; ' +
    'filename is kept only as a sanitised display name. Upload-Length is required and reserved against your quota of unfinished uploads (413 UPLOAD_QUOTA_EXCEEDED); ' +
    'an upload not finished within UPLOAD_EXPIRY_HOURS is removed. The request that completes the upload answers with the header Evidence-Id; ' +
    'bytes that are not of the declared kind (photo: an image, video: a video, audio: an audio format) are 415 FILE_TYPE_MISMATCH. ' +
    'If completing fails for another reason (e.g. 409 CASE_NOT_OPEN), the bytes stay staged: PATCH with no body at the final Upload-Offset to complete it again.';

  app.route({
    method: 'POST',
    url: UPLOADS_PATH,
    schema: { tags: ['recording'], summary: '上传音像记录（断点续传）Create a resumable evidence upload', description, response: { 201: noBody('upload created: its address in Location, Upload-Offset if bytes came with it'), ...uploadErrors } },
    onError: closeOnError,
    handler: handle,
  });
  app.route({
    method: ['HEAD', 'PATCH', 'DELETE'],
    url: `${UPLOADS_PATH}/:id`,
    schema: { tags: ['recording'], summary: '续传/查询进度/取消 Resume (PATCH), ask the offset (HEAD) or cancel (DELETE) an upload', description, params: uploadIdParams, response: { 200: noBody('HEAD: Upload-Offset and Upload-Length'), 204: noBody('PATCH: the new Upload-Offset (and Evidence-Id when complete); DELETE: cancelled'), ...uploadErrors } },
    onError: closeOnError,
    handler: handle,
  });

  app.get(
    `${UPLOADS_PATH}/:id/evidence`,
    {
      schema: {
        tags: ['recording'],
        summary: '上传结果 The evidence item a finished upload became (409 UPLOAD_INCOMPLETE while it is still running)',
        params: uploadIdParams,
        response: { 200: z.object({ evidenceId: z.uuid() }), 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id } = request.params;
      if (!UPLOAD_ID.test(id)) throw new AppError('NOT_FOUND');
      const [row] = await db
        .select({ evidenceId: sql<string>`${caseEvents.payload} ->> 'evidenceId'` })
        .from(caseEvents)
        .where(and(eq(caseEvents.type, 'evidence.added'), eq(caseEvents.actorUserId, actor.userId), sql`${caseEvents.payload} ->> 'uploadId' = ${id}`))
        .limit(1);
      if (row) return { evidenceId: row.evidenceId };
      await checkOwner(id, actor);
      throw new AppError('UPLOAD_INCOMPLETE');
    },
  );
}

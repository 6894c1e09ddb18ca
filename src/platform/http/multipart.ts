import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError, invalidField } from '../errors.js';
import { isStorableText } from './storable-input.js';

type FileOptions = Parameters<FastifyRequest['file']>[0];

/**
 * The multipart parser (busboy) fails only on what the client sent: no boundary, a truncated or
 * malformed body. Its errors carry no status, so they are marked here as the client's (400),
 * the same object, so that whoever catches it later maps it to MALFORMED_REQUEST, not 500.
 */
function asClientError(error: unknown): unknown {
  if (error instanceof Error && !('statusCode' in error)) Object.assign(error, { statusCode: 400 });
  return error;
}

/**
 * The one file part of a multipart/form-data request, in field `field`: 415 if the request is not
 * multipart, 400 VALIDATION_FAILED naming the field if the part is missing, elsewhere named or has a
 * file name that cannot be stored, and 400 MALFORMED_REQUEST (never 500) if the body is malformed,
 * now or later while the caller reads the part's stream.
 */
export async function uploadedFilePart(request: FastifyRequest, field: string, options?: FileOptions): Promise<MultipartFile> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  let part: MultipartFile | undefined;
  try {
    part = await request.file(options);
  } catch (error) {
    throw asClientError(error);
  }
  if (!part) throw invalidField(field, 'required');
  // The whole body may have been parsed already, and the stream failed before we could listen.
  if (part.file.errored) asClientError(part.file.errored);
  part.file.on('error', asClientError);
  const toBuffer = part.toBuffer.bind(part);
  part.toBuffer = () => toBuffer().catch((error: unknown) => Promise.reject(asClientError(error)));
  const refusal = part.fieldname !== field ? invalidField(field, 'required') : !isStorableText(part.filename) ? invalidField(field, 'forbidden_character') : null;
  if (refusal) {
    part.file.resume();
    throw refusal;
  }
  return part;
}

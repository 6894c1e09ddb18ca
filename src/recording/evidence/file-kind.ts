import type { Readable } from 'node:stream';
import { AppError } from '../../platform/errors.js';
import type { EvidenceKind } from '../tables.js';

/**
 * What an evidence file really is, read from its first bytes with `file-type` (magic numbers), and
 * whether that fits the kind the uploader declared (issue 7): a photo must be an image, a video a
 * video container, an audio record an audio format. The declared content type and file name are
 * not trusted. Scans and "other" may be anything (PDF, office files, text), so only their label is
 * corrected when the bytes are recognised.
 */

/** Containers that hold audio-only recordings as often as video (an .m4a is an MP4, a voice memo a 3GP). */
const AUDIO_CONTAINERS = new Set(['video/mp4', 'video/3gpp', 'video/3gpp2', 'video/webm', 'video/ogg', 'application/ogg']);

const ACCEPTS: Record<EvidenceKind, ((mime: string) => boolean) | null> = {
  // JPEG, PNG, HEIC/HEIF, WebP, GIF, TIFF, BMP, AVIF… (SVG is text and is never recognised: refused).
  photo: (mime) => mime.startsWith('image/'),
  // MP4, QuickTime, WebM, Matroska, AVI, MPEG-TS (body cameras), 3GP, FLV…
  video: (mime) => mime.startsWith('video/') || mime === 'application/mp4',
  // WAV, MP3, M4A, AAC, OGG/Opus, AMR, FLAC…
  audio: (mime) => mime.startsWith('audio/') || AUDIO_CONTAINERS.has(mime),
  scan: null,
  other: null,
};

/**
 * The content type to store for an item of `kind` whose bytes sniffed as `sniffed` (undefined:
 * not recognised), or FILE_TYPE_MISMATCH (415). `declared` is used only when the kind accepts
 * anything and the bytes are not recognised.
 */
export function contentTypeFor(kind: EvidenceKind, sniffed: string | undefined, declared: string | null): string {
  const accepts = ACCEPTS[kind];
  if (accepts && !(sniffed && accepts(sniffed))) {
    throw new AppError('FILE_TYPE_MISMATCH', [], { kind, detected: sniffed ?? null });
  }
  return sniffed ?? declared ?? 'application/octet-stream';
}

/** The MIME type of a file's first bytes, or undefined when `file-type` does not recognise them. */
export async function sniffFile(filePath: string): Promise<string | undefined> {
  const { fileTypeFromFile } = await import('file-type');
  return (await fileTypeFromFile(filePath))?.mime;
}

/** The MIME type at the head of a stream (which is consumed and should be destroyed after). */
export async function sniffStream(stream: Readable): Promise<string | undefined> {
  try {
    const { fileTypeFromStream } = await import('file-type');
    return (await fileTypeFromStream(stream))?.mime;
  } finally {
    stream.destroy();
  }
}

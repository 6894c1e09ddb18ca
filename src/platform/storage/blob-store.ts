import type { Readable } from 'node:stream';

/** Bytes start..end of an object, both inclusive (as in an HTTP Range header). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where file bytes live: the local filesystem by default, S3-compatible object storage by
 * configuration. Keys are content addresses chosen by ./content-store.ts.
 */
export interface BlobStore {
  readonly kind: 'fs' | 's3';
  /** Moves a finished local temporary file to `key` (a rename on the filesystem store). */
  putFile(key: string, tempPath: string, contentType: string): Promise<void>;
  /** Streams the object back (only bytes start..end inclusive when a range is given); throws if it does not exist. */
  get(key: string, range?: ByteRange): Promise<Readable>;
  exists(key: string): Promise<boolean>;
}

import type { Config } from '../../config.js';
import type { BlobStore } from './blob-store.js';
import { FsBlobStore } from './fs-store.js';

/** The blob store the configuration asks for. */
export async function createBlobStore(config: Config): Promise<BlobStore> {
  if (config.storage.kind === 'fs') return new FsBlobStore(config.storage.root);
  const { S3BlobStore } = await import('./s3-store.js');
  return new S3BlobStore(config.storage);
}

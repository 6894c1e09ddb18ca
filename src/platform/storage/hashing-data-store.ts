import type { Readable } from 'node:stream';
import { DataStore, type Upload } from '@tus/server';
import { DualDigest, type Digests } from './dual-digest.js';

/**
 * A tus DataStore that hashes the bytes of each PATCH as they arrive (SHA-256 and SM3 in the same
 * pass, ./dual-digest.ts) and passes them on to the store that keeps them. The hash state of an
 * upload lives in this process, keyed by upload id, and is trusted only while the number of bytes
 * it has seen equals the upload's offset: after a restart, or a write that failed half-way, the
 * state is dropped and {@link takeDigests} answers null, so the caller re-reads the staged bytes.
 */
export class HashingDataStore extends DataStore {
  private readonly states = new Map<string, DualDigest>();

  constructor(readonly inner: DataStore) {
    super();
    this.extensions = inner.extensions;
  }

  override async create(upload: Upload): Promise<Upload> {
    const created = await this.inner.create(upload);
    this.states.set(upload.id, new DualDigest());
    return created;
  }

  override async write(source: Readable, id: string, offset: number): Promise<number> {
    let digest = this.states.get(id);
    if (digest && digest.size !== offset) {
      this.states.delete(id);
      digest = undefined;
    }
    if (!digest) return this.inner.write(source, id, offset);
    const hashing = digest.transform();
    source.on('error', (error) => hashing.destroy(error));
    source.pipe(hashing);
    try {
      const written = await this.inner.write(hashing, id, offset);
      // Bytes that were hashed but not stored (or the reverse) make the state useless.
      if (digest.size !== written) this.states.delete(id);
      return written;
    } catch (error) {
      this.states.delete(id);
      throw error;
    }
  }

  /** The digests of a finished upload of `size` bytes, if every byte passed through here; forgets them. */
  takeDigests(id: string, size: number): Digests | null {
    const digest = this.states.get(id);
    this.states.delete(id);
    return digest && digest.size === size ? digest.digest() : null;
  }

  /** Forgets an upload's hash state (after it was finished or abandoned). */
  forget(id: string): void {
    this.states.delete(id);
  }

  override async remove(id: string): Promise<void> {
    this.states.delete(id);
    return this.inner.remove(id);
  }

  override getUpload(id: string): Promise<Upload> {
    return this.inner.getUpload(id);
  }

  override declareUploadLength(id: string, length: number): Promise<void> {
    return this.inner.declareUploadLength(id, length);
  }

  override deleteExpired(): Promise<number> {
    return this.inner.deleteExpired();
  }

  override getExpiration(): number {
    return this.inner.getExpiration();
  }
}

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { Upload } from '@tus/server';
import { afterAll, describe, expect, it } from 'vitest';
import { digestFile, digestStream, DualDigest } from './dual-digest.js';
import { HashingDataStore } from './hashing-data-store.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dual-digest-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const sm3 = (b: Buffer) => crypto.createHash('sm3').update(b).digest('hex');

describe('DualDigest', () => {
  it('gives the GB/T 32905-2016 SM3 digest of "abc" and the FIPS 180-2 SHA-256 digest', () => {
    const d = new DualDigest();
    d.update(Buffer.from('ab'));
    d.update(Buffer.from('c'));
    expect(d.digest()).toEqual({
      sm3: '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      size: 3,
    });
  });

  it('digests a stream and a file like one-shot hashing does', async () => {
    const bytes = crypto.randomBytes(1_000_003);
    const file = path.join(dir, 'f.bin');
    fs.writeFileSync(file, bytes);
    const expected = { sha256: sha256(bytes), sm3: sm3(bytes), size: bytes.length };
    expect(await digestFile(file)).toEqual(expected);
    expect(await digestStream(Readable.from([bytes.subarray(0, 10), bytes.subarray(10)]))).toEqual(expected);
  });
});

describe('HashingDataStore', () => {
  const store = () => new HashingDataStore(new FileStore({ directory: path.join(dir, 'uploads') }));
  const create = async (s: HashingDataStore, id: string, size: number) => s.create(new Upload({ id, size, offset: 0 }));

  it('hashes the bytes of successive writes as they pass', async () => {
    const s = store();
    const bytes = crypto.randomBytes(300_000);
    await create(s, 'a1', bytes.length);
    expect(await s.write(Readable.from([bytes.subarray(0, 100_000)]), 'a1', 0)).toBe(100_000);
    expect(await s.write(Readable.from([bytes.subarray(100_000)]), 'a1', 100_000)).toBe(300_000);
    expect(fs.readFileSync(path.join(dir, 'uploads', 'a1')).equals(bytes)).toBe(true);
    expect(s.takeDigests('a1', bytes.length)).toEqual({ sha256: sha256(bytes), sm3: sm3(bytes), size: bytes.length });
  });

  it('answers null when it has not seen every byte (a restart, or an offset it did not follow)', async () => {
    const bytes = crypto.randomBytes(1000);
    const first = store();
    await create(first, 'b1', 1000);
    await first.write(Readable.from([bytes.subarray(0, 400)]), 'b1', 0);
    const restarted = store(); // a new process: no hash state
    expect(await restarted.write(Readable.from([bytes.subarray(400)]), 'b1', 400)).toBe(1000);
    expect(restarted.takeDigests('b1', 1000)).toBeNull();
    // The staged bytes are whole all the same, for the caller to hash again.
    expect(await digestFile(path.join(dir, 'uploads', 'b1'))).toMatchObject({ sha256: sha256(bytes) });
  });

  it('drops the state of a write that failed half-way', async () => {
    const s = store();
    await create(s, 'c1', 1000);
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(100));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(s.write(failing, 'c1', 0)).rejects.toBeTruthy();
    expect(s.takeDigests('c1', 1000)).toBeNull();
  });
});

/**
 * Test fixtures for the people module: real image bytes built here (no fixture files), multipart
 * bodies, request bodies, and a guard that no response ever carries a full ID number.
 */
import zlib from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import type { Session } from '../../../test/harness.js';

function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One PNG chunk: length, type, data and the CRC over type and data. */
function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The chunks of a 2×2 truecolour image; `seed` varies the pixels. */
function tinyPngChunks(seed: number) {
  const header = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]); // 2×2, 8-bit RGB
  const rows = Buffer.from([0, seed & 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]); // filter byte + 2 pixels, twice
  return { ihdr: pngChunk('IHDR', header), idat: pngChunk('IDAT', zlib.deflateSync(rows)), iend: pngChunk('IEND', Buffer.alloc(0)) };
}

/** A valid 2×2 truecolour PNG (signature, IHDR, IDAT, IEND with correct CRCs); `seed` varies the pixels. */
export function tinyPng(seed = 0): Buffer {
  const { ihdr, idat, iend } = tinyPngChunks(seed);
  return Buffer.concat([PNG_SIGNATURE, ihdr, idat, iend]);
}

/**
 * A valid PNG of exactly `size` bytes: the 2×2 image with a tEXt comment (PNG spec §11.3.4.3)
 * after IHDR long enough to reach the size, so that the bytes are a real image at any length.
 */
export function pngOfSize(size: number, seed = 0): Buffer {
  const { ihdr, idat, iend } = tinyPngChunks(seed);
  const keyword = Buffer.from('Comment\0', 'latin1');
  const fixed = PNG_SIGNATURE.length + ihdr.length + idat.length + iend.length + 12 + keyword.length;
  if (size < fixed) throw new Error(`a PNG with a comment takes at least ${fixed} bytes`);
  const comment = pngChunk('tEXt', Buffer.concat([keyword, Buffer.alloc(size - fixed, 'x'.charCodeAt(0) + (seed % 26))]));
  return Buffer.concat([PNG_SIGNATURE, ihdr, comment, idat, iend]);
}

/** The chunk types of a PNG whose every chunk has a correct CRC and that ends with IEND; throws otherwise. */
export function pngChunkTypes(png: Buffer): string[] {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('no PNG signature');
  const types: string[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const body = png.subarray(at + 4, at + 8 + length);
    if (png.readUInt32BE(at + 8 + length) !== crc32(body)) throw new Error(`bad CRC at ${at}`);
    types.push(body.subarray(0, 4).toString('latin1'));
    at += 12 + length;
  }
  if (types.at(-1) !== 'IEND') throw new Error('no IEND');
  return types;
}

/**
 * A valid baseline JPEG: one 8×8 grey block. Huffman tables of a single one-bit code each, so the
 * scan is DC category 0 ('0') then end-of-block ('0'), padded with ones: 0x3F.
 */
export function tinyJpeg(): Buffer {
  const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 255, ...body];
  const oneCodeTable = (classAndId: number) => segment(0xc4, [classAndId, 1, ...new Array(15).fill(0), 0x00]);
  return Buffer.from([
    0xff, 0xd8, // SOI
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]), // APP0 JFIF
    ...segment(0xdb, [0x00, ...new Array(64).fill(1)]), // DQT
    ...segment(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]), // SOF0: 8×8, one component
    ...oneCodeTable(0x00), // DHT DC 0
    ...oneCodeTable(0x10), // DHT AC 0
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]), // SOS
    0x3f,
    0xff, 0xd9, // EOI
  ]);
}

/** A multipart/form-data body with one file part (the FormData + Response trick). */
export async function multipartBody(field: string, bytes: Buffer, filename: string, type: string) {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(bytes)], { type }), filename);
  const response = new Response(form);
  return { payload: Buffer.from(await response.arrayBuffer()), headers: { 'content-type': response.headers.get('content-type')! } };
}

/** Uploads `bytes` as the person's photo. */
export async function putPhoto(session: Session, personId: string, bytes: Buffer, options: { field?: string; filename?: string; type?: string } = {}) {
  const { payload, headers } = await multipartBody(options.field ?? 'photo', bytes, options.filename ?? 'photo.png', options.type ?? 'image/png');
  return session.request('PUT', `/api/people/${personId}/photo`, payload, headers);
}

/**
 * Wraps a session so every response body is kept, for asserting afterwards that the full ID
 * numbers never appeared in any of them.
 */
export function recording(session: Session, bodies: string[]): Session {
  const keep = async (res: Promise<LightMyRequestResponse>) => {
    const r = await res;
    bodies.push(r.body);
    return r;
  };
  return {
    ...session,
    request: (method, url, body, headers) => keep(session.request(method, url, body, headers)),
    get: (url) => keep(session.get(url)),
    post: (url, body) => keep(session.post(url, body)),
    patch: (url, body) => keep(session.patch(url, body)),
  };
}

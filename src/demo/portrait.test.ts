import zlib from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoPortrait, encodePng, PORTRAIT_HEIGHT, PORTRAIT_WIDTH } from './portrait.js';

/** Splits a PNG into its chunks, checking each chunk's CRC with zlib's own CRC-32. */
function chunks(png: Buffer): { type: string; data: Buffer }[] {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const out: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const body = png.subarray(at + 4, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(zlib.crc32(body));
    out.push({ type: body.subarray(0, 4).toString('latin1'), data: body.subarray(4) });
    at += 12 + length;
  }
  return out;
}

describe('encodePng', () => {
  it('writes IHDR, IDAT and IEND whose pixels inflate back to the input', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), fc.infiniteStream(fc.integer({ min: 0, max: 255 })), (w, h, bytes) => {
        const rgb = Uint8Array.from(bytes.take(w * h * 3));
        const parts = chunks(encodePng(w, h, rgb));
        expect(parts.map((p) => p.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
        expect([parts[0]!.data.readUInt32BE(0), parts[0]!.data.readUInt32BE(4), ...parts[0]!.data.subarray(8)]).toEqual([w, h, 8, 2, 0, 0, 0]);
        const raw = zlib.inflateSync(parts[1]!.data);
        const rows = Array.from({ length: h }, (_, y) => raw.subarray(y * (w * 3 + 1), (y + 1) * (w * 3 + 1)));
        expect(rows.every((row) => row[0] === 0)).toBe(true);
        expect(Buffer.concat(rows.map((row) => row.subarray(1)))).toEqual(Buffer.from(rgb));
      }),
      { numRuns: 50 },
    );
  });
});

describe('demoPortrait', () => {
  it('is a 96×128 PNG that differs with the background hue and the sex', () => {
    const a = demoPortrait(0, 'male');
    expect(chunks(a)[0]!.data.subarray(0, 8)).toEqual(Buffer.from([0, 0, 0, PORTRAIT_WIDTH, 0, 0, 0, PORTRAIT_HEIGHT]));
    expect(demoPortrait(0, 'male')).toEqual(a);
    expect(demoPortrait(137.5, 'male')).not.toEqual(a);
    expect(demoPortrait(0, 'female')).not.toEqual(a);
  });
});

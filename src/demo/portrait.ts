import zlib from 'node:zlib';

/**
 * Placeholder ID photos for demo staff: a head-and-shoulders silhouette on a coloured background,
 * encoded as a minimal PNG (RGB, 8 bits, no interlace; PNG spec, W3C 2003). The background colour
 * differs per person, so each demo officer has a photo of their own without shipping image files.
 */

export const PORTRAIT_WIDTH = 96;
export const PORTRAIT_HEIGHT = 128;

type Rgb = readonly [number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGB pixels (row-major, 3 bytes each) as a PNG file. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type 2 (RGB), deflate, adaptive filtering, no interlace
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter type None
    raw.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** HSL (hue in degrees, saturation and lightness in 0..1) to 8-bit RGB. */
function hsl(h: number, s: number, l: number): Rgb {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/**
 * A 96×128 portrait: light background of hue `hue`, dark uniform shoulders, a face and hair
 * (shoulder-length for `female`). Distinct hues give distinct images.
 */
export function demoPortrait(hue: number, sex: 'male' | 'female' | null): Buffer {
  const background = hsl(hue, 0.45, 0.84);
  const uniform: Rgb = [38, 52, 84];
  const collar: Rgb = [236, 238, 242];
  const face: Rgb = [226, 188, 160];
  const hair: Rgb = [34, 28, 26];
  const [cx, headY, headR] = [PORTRAIT_WIDTH / 2, 50, 19];
  const pixels = new Uint8Array(PORTRAIT_WIDTH * PORTRAIT_HEIGHT * 3);
  for (let y = 0; y < PORTRAIT_HEIGHT; y++) {
    for (let x = 0; x < PORTRAIT_WIDTH; x++) {
      const dx = x + 0.5 - cx;
      const dy = y + 0.5 - headY;
      const inHead = (dx / headR) ** 2 + (dy / (headR * 1.2)) ** 2 <= 1;
      const inHairCap = (dx / (headR + 3)) ** 2 + ((dy + 4) / (headR * 1.2)) ** 2 <= 1 && dy < -8;
      const inLongHair = sex === 'female' && Math.abs(dx) <= headR + 4 && dy > -10 && dy < 26 && !inHead;
      const shoulderDy = y + 0.5 - (PORTRAIT_HEIGHT + 6);
      const inShoulders = (dx / 44) ** 2 + (shoulderDy / 40) ** 2 <= 1;
      const inNeck = Math.abs(dx) <= 8 && dy > 0 && dy < 30;
      const inCollar = inShoulders && Math.abs(dx) <= 14 - (y - 96) * 0.6 && y >= 92;
      const colour = inHairCap || inLongHair
        ? hair
        : inHead || (inNeck && !inShoulders)
          ? face
          : inCollar
            ? collar
            : inShoulders
              ? uniform
              : background;
      pixels.set(colour, (y * PORTRAIT_WIDTH + x) * 3);
    }
  }
  return encodePng(PORTRAIT_WIDTH, PORTRAIT_HEIGHT, pixels);
}

// Draws the extension's icon, images/icon.png (128x128 RGBA PNG), with no image library: shapes are
// tested per sample (4x4 samples a pixel, for smooth edges) and the PNG is written with node:zlib.
// Usage: node scripts/make-icon.mjs [<out.png>]   The PNG is committed; run this only to change it.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

const size = 128;
const out = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'images', 'icon.png'));

/** Inside a rectangle from (x0, y0) to (x1, y1) with corners rounded by r (all in pixels). */
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
/** Inside the triangle a, b, c (points as [x, y]). */
const triangle = (a, b, c) => (x, y) => {
  const side = (p, q) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const s1 = side(a, b),
    s2 = side(b, c),
    s3 = side(c, a);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
};
const union =
  (...shapes) =>
  (x, y) =>
    shapes.some((inside) => inside(x, y));

const teal = [15, 92, 110];
const layers = [
  // The tile: a rounded square, lighter at the top.
  { inside: roundedRect(0, 0, 128, 128, 26), color: (x, y) => mix([22, 128, 148], [9, 62, 76], y / size) },
  // A chat bubble with its tail at the lower left.
  { inside: union(roundedRect(18, 22, 110, 90, 16), triangle([30, 84], [54, 84], [26, 108])), color: () => [255, 255, 255] },
  // Leaving the chat: an arrow through a door.
  { inside: roundedRect(80, 36, 90, 76, 3), color: () => [245, 166, 35] },
  { inside: union(roundedRect(34, 51, 64, 61, 3), triangle([60, 40], [60, 72], [78, 56])), color: () => teal },
];

function mix(a, b, t) {
  return a.map((v, i) => Math.round(v + (b[i] - v) * t));
}

const samples = 4;
const pixels = Buffer.alloc(size * size * 4);
for (let py = 0; py < size; py++) {
  for (let px = 0; px < size; px++) {
    let [r, g, b, a] = [0, 0, 0, 0];
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const x = px + (sx + 0.5) / samples;
        const y = py + (sy + 0.5) / samples;
        const top = layers.findLast((layer) => layer.inside(x, y));
        if (!top) continue;
        const [cr, cg, cb] = top.color(x, y);
        r += cr;
        g += cg;
        b += cb;
        a += 255;
      }
    }
    const n = samples * samples;
    const covered = a / 255;
    const offset = (py * size + px) * 4;
    // Colour averaged over the covered samples (not darkened by the transparent ones), alpha by coverage.
    pixels[offset] = covered ? Math.round(r / covered) : 0;
    pixels[offset + 1] = covered ? Math.round(g / covered) : 0;
    pixels[offset + 2] = covered ? Math.round(b / covered) : 0;
    pixels[offset + 3] = Math.round(a / n);
  }
}

/** A PNG file of an RGBA image, `width` x `height` pixels, rows top to bottom. */
function encodePng(width, height, rgba) {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, adaptive filters, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

mkdirSync(dirname(out), { recursive: true });
const png = encodePng(size, size, pixels);
writeFileSync(out, png);
console.log(`${out}: ${size}x${size}, ${png.length} bytes`);

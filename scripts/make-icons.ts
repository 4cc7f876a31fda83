// Draws the toolbar icon (a purple rounded square with a rising price line) at 16/32/48/128 px and writes
// public/icon/<size>.png, which WXT puts in the manifest. Run: npx tsx scripts/make-icons.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
const PURPLE: Rgba = [87, 65, 217, 255];
const WHITE: Rgba = [255, 255, 255, 255];
// The price line, in a 0..1 square.
const LINE: [number, number][] = [
  [0.2, 0.7],
  [0.4, 0.5],
  [0.55, 0.62],
  [0.8, 0.3],
];

function distanceToSegment(px: number, py: number, a: [number, number], b: [number, number]): number {
  const [ax, ay] = a;
  const [bx, by] = b;
  const t = Math.max(
    0,
    Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

function sample(x: number, y: number): Rgba | null {
  const r = 0.2; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if (Math.hypot(x - cx, y - cy) > r) return null;
  for (let i = 0; i + 1 < LINE.length; i++) {
    // biome-ignore lint/style/noNonNullAssertion: i + 1 < LINE.length
    if (distanceToSegment(x, y, LINE[i]!, LINE[i + 1]!) < 0.065) return WHITE;
  }
  return PURPLE;
}

function render(size: number): Buffer {
  const ss = 4; // supersampling for smooth edges
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = sample((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (!c) continue;
          for (let k = 0; k < 3; k++) acc[k] = (acc[k] ?? 0) + (c[k] ?? 0) * (c[3] / 255);
          acc[3] = (acc[3] ?? 0) + c[3];
        }
      }
      const n = ss * ss;
      const alpha = (acc[3] ?? 0) / n;
      for (let k = 0; k < 3; k++)
        row[1 + x * 4 + k] = alpha ? Math.round((acc[k] ?? 0) / n / (alpha / 255)) : 0;
      row[1 + x * 4 + 3] = Math.round(alpha);
    }
    rows.push(row);
  }
  return png(size, Buffer.concat(rows));
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, raw: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icon/${size}.png`, render(size));
console.log('wrote public/icon/{16,32,48,128}.png');

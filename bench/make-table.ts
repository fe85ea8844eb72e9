// Writes the benchmark table: N rows × 25 columns (~190 bytes per row at 1M rows, ~190 MB):
// cell_id, x, y in µm, clone and region labels, 20 marker intensities. Seeded: same bytes every run.

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export const BENCH_COLUMNS = 25;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function writeBenchTable(file: string, rows: number, seed = 7): Promise<void> {
  const rand = mulberry32(seed);
  const out = createWriteStream(file);
  const markers = Array.from({ length: 20 }, (_, i) => `marker_${i + 1}`);
  const clones = ['clone_A', 'clone_B', 'clone_C', 'clone_D', 'clone_E', 'normal'];
  const regions = ['core', 'invasive front', 'stroma'];
  out.write(`cell_id,x,y,clone,region,${markers.join(',')}\n`);
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const x = (rand() * 20000).toFixed(2);
    const y = (rand() * 15000).toFixed(2);
    let line = `${i + 1},${x},${y},${clones[Math.floor(rand() * clones.length)]},${regions[Math.floor(rand() * regions.length)]}`;
    for (let m = 0; m < 20; m++) line += `,${(rand() * 1000).toFixed(3)}`;
    buf += `${line}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.write(buf);
  out.end();
  await once(out, 'finish');
}

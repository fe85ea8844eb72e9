// Writes the benchmark table: N rows × 25 columns (~190 bytes per row at 1M rows, ~190 MB):
// cell_id, x, y in µm, clone and region labels, 20 marker intensities. Seeded: same bytes every run.

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Rng } from '../shared/sim/rng.ts';

export const BENCH_COLUMNS = 25;


export async function writeBenchTable(file: string, rows: number, seed = 7): Promise<void> {
  const random = new Rng(seed);
  const rand = () => random.uniform();
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

// One measurement per process (so peak memory is the parse's own): node parse-node.mjs MODE FILE
//   papa  — Papa Parse streaming the file (strings, no typing): the baseline
//   ours  — Clonoscope's loader: the file into typed columns
// Prints one JSON line: { mode, ms, rows, columns, bytes, maxRssMb }.

import { createReadStream, statSync } from 'node:fs';
import Papa from 'papaparse';
import { loadCells } from '../shared/dataset/load.ts';
import { fileFacts, fileSource } from '../electron/common/file-source.ts';

async function papa(file: string): Promise<{ rows: number; columns: number }> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    let columns = 0;
    Papa.parse(createReadStream(file) as unknown as File, {
      chunk: (r: Papa.ParseResult<string[]>) => {
        rows += r.data.length;
        columns = r.data[0]?.length ?? columns;
      },
      complete: () => resolve({ rows: rows - 1, columns }),
      error: reject,
    });
  });
}

async function ours(file: string): Promise<{ rows: number; columns: number }> {
  const facts = await fileFacts(file);
  const r = await loadCells(fileSource(file, facts.gzip), { fileName: file, sizeHint: facts.textSize });
  if (!r.ok) throw new Error(r.error.message);
  return { rows: r.value.table.n, columns: r.value.table.columns.length };
}

const [mode, file] = process.argv.slice(2);
if (!file || (mode !== 'papa' && mode !== 'ours')) {
  console.error('usage: parse-node.mjs papa|ours FILE');
  process.exit(2);
}
const t0 = performance.now();
const { rows, columns } = mode === 'papa' ? await papa(file) : await ours(file);
const ms = performance.now() - t0;
console.log(JSON.stringify({ mode, ms, rows, columns, bytes: statSync(file).size, maxRssMb: process.resourceUsage().maxRSS / 1024 }));

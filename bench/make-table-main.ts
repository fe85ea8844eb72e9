// node make-table-main.mjs FILE ROWS — writes the benchmark table.
import { writeBenchTable } from './make-table.ts';

const [file, rows] = process.argv.slice(2);
await writeBenchTable(file!, Number(rows));

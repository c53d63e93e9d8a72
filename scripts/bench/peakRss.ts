/**
 * Loaded into each process the bench times (`node --import`), so the generator itself stays
 * untouched: writes the process's peak resident set, in kilobytes, worker threads included, to
 * the file GRAPH_DOCS_TYPEGEN_BENCH_RSS names.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.GRAPH_DOCS_TYPEGEN_BENCH_RSS;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));

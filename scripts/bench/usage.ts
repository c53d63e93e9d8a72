/**
 * Loaded into each process the bench times (`node --import`), so the generator itself stays
 * untouched: at exit, writes the process's peak resident set (kilobytes) and CPU time
 * (microseconds, user and system), worker threads included, as JSON to the file
 * GRAPH_DOCS_TYPEGEN_BENCH_USAGE names.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.GRAPH_DOCS_TYPEGEN_BENCH_USAGE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRSS: usage.maxRSS, cpuTime: usage.userCPUTime + usage.systemCPUTime }));
  });
}

import { createRequire } from 'node:module';

/**
 * ts-morph's values, loaded with `require`. ts-morph is CommonJS: imported from ES modules,
 * Node first scans its code (and TypeScript's, 9 MB) for the names it exports, which takes a
 * third as long again as loading it; a run that changes one page pays that in full.
 */
const tsMorph = createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');

export const { printStructure, StructureKind, ts } = tsMorph;

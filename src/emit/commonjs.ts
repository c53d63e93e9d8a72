/*
 * The CommonJS copies of the generated modules (`.cjs` and `.d.cts`), for a package without
 * `"type": "module"` that TypeScript compiles with `module: node16`: there, `require` of an ES
 * module is an error, and the ES modules' declarations cannot describe a `require`.
 *
 * Both are rewritten from the ES modules this emitter prints, whose form is known: every
 * top-level statement starts at a line's first column, and only imports, re-exports and exported
 * declarations start with `import` or `export` there. Page text never reaches a line start
 * outside a comment (JSDoc lines start with ` *`), and string literals are JSON.stringify'd, on
 * one line. Not for the runtime, which is compiled from its template instead.
 */

const IMPORT_ALL = /^import \* as (\$?\w+) from '(\.\/[\w.-]+)\.js';$/;
const EXPORT_ALL = /^export \* from '(\.\/[\w.-]+)\.js';$/;
const EXPORT_ALL_AS = /^export \* as (\w+) from '(\.\/[\w.-]+)\.js';$/;
const EXPORT_NAMES = /^export \{ ([\w, ]+) \} from '(\.\/[\w.-]+)\.js';$/;
const EXPORTED_DECLARATION = /^export (function|const|var|class) (\w+)/;

/** An ES module printed here as CommonJS: requires for imports, `exports.x = x` after the code for exports. */
export function commonJsModule(esm: string): string {
  const lines: string[] = [];
  const exported: string[] = [];
  let strict = false;
  for (const line of esm.split('\n')) {
    if (!strict && !line.startsWith('//')) {
      lines.push("'use strict';");
      strict = true;
    }
    const imported = IMPORT_ALL.exec(line);
    const all = EXPORT_ALL.exec(line);
    const allAs = EXPORT_ALL_AS.exec(line);
    const some = EXPORT_NAMES.exec(line);
    const declared = EXPORTED_DECLARATION.exec(line);
    if (imported) lines.push(`const ${imported[1]} = require('${imported[2]}.cjs');`);
    else if (all) lines.push(`Object.assign(exports, require('${all[1]}.cjs'));`);
    else if (allAs) lines.push(`exports.${allAs[1]} = require('${allAs[2]}.cjs');`);
    else if (some) lines.push(...some[1].split(', ').map((name) => `exports.${name} = require('${some[2]}.cjs').${name};`));
    else if (line === 'export {};') continue;
    else if (declared) {
      exported.push(declared[2]);
      lines.push(line.slice('export '.length));
    } else if (line.startsWith('import ') || line.startsWith('export ')) {
      throw new Error(`commonJsModule: a top-level line it does not know: ${line}`);
    } else lines.push(line);
  }
  if (!strict) lines.push("'use strict';");
  const text = lines.join('\n').replace(/\n*$/, '\n');
  return exported.length ? `${text}${exported.map((name) => `exports.${name} = ${name};`).join('\n')}\n` : text;
}

const MODULE_SPECIFIER = /^((?:import|export)\b[^\n]* from '\.\/[\w.-]+)\.js';$/gm;

/** Declarations of an ES module printed here, for its CommonJS copy: the same, importing the other copies. */
export function commonJsDeclarations(declarations: string): string {
  return declarations.replace(MODULE_SPECIFIER, "$1.cjs';");
}

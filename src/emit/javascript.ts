import type { ts as Ts } from 'ts-morph';
import { ts } from './tsMorph.js';
import type { SourceFile } from './files.js';

const COMPILER_OPTIONS: Ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  declaration: true,
  isolatedDeclarations: true,
  removeComments: false,
};

/**
 * The guards' runtime module (templates/runtime.ts, written in TypeScript so that a user's
 * template is type-checked as it is written) as the package ships it: `.js` and `.d.ts`.
 * It is small and annotates every export, so transpiling it on its own is quick and exact.
 */
export function transpileRuntime(moduleName: string, source: string): SourceFile[] {
  const fileName = `${moduleName}.ts`;
  const javascript = ts.transpileModule(source, { compilerOptions: COMPILER_OPTIONS, fileName }).outputText;
  const declaration = ts.transpileDeclaration(source, { compilerOptions: COMPILER_OPTIONS, fileName });
  const problems = declaration.diagnostics ?? [];
  if (problems.length > 0) {
    const message = ts.flattenDiagnosticMessageText(problems[0].messageText, '\n');
    throw new Error(`Cannot declare the runtime template: ${message}`);
  }
  const header = leadingLineComments(source);
  return [
    { path: `${moduleName}.js`, content: withHeader(header, stripSourceMap(javascript)) },
    { path: `${moduleName}.d.ts`, content: withHeader(header, stripSourceMap(declaration.outputText)) },
  ];
}

/** The generated-file header: transpiling may drop it from declarations, and the writer needs it. */
function leadingLineComments(content: string): string {
  return /^(?:\/\/[^\n]*\n)*/.exec(content)![0];
}

function withHeader(header: string, output: string): string {
  return output.startsWith(header) ? output : header + output;
}

function stripSourceMap(text: string): string {
  return text.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
}

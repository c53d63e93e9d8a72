import { ts } from 'ts-morph';
import type { SourceFile } from './files.js';

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  declaration: true,
  isolatedDeclarations: true,
  removeComments: false,
};

/**
 * Turns generated TypeScript modules into what the package ships: JavaScript and `.d.ts`
 * per module. Each file is transpiled on its own: the generated code annotates every export,
 * so no type checker is needed and this stays linear in the output size.
 */
export function toJavaScript(sources: SourceFile[]): SourceFile[] {
  return sources.flatMap((source) => {
    const stem = source.path.replace(/\.ts$/, '');
    const javascript = ts.transpileModule(source.content, { compilerOptions: COMPILER_OPTIONS, fileName: source.path }).outputText;
    const declaration = ts.transpileDeclaration(source.content, { compilerOptions: COMPILER_OPTIONS, fileName: source.path });
    const problems = declaration.diagnostics ?? [];
    if (problems.length > 0) {
      const message = ts.flattenDiagnosticMessageText(problems[0].messageText, '\n');
      throw new Error(`Cannot declare ${source.path}: ${message}`);
    }
    return [
      { path: `${stem}.js`, content: stripSourceMap(javascript) },
      { path: `${stem}.d.ts`, content: stripSourceMap(declaration.outputText) },
    ];
  });
}

function stripSourceMap(text: string): string {
  return text.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
}

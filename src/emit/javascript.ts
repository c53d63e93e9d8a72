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
    const header = leadingLineComments(source.content);
    return [
      { path: `${stem}.js`, content: withHeader(header, stripSourceMap(javascript)) },
      { path: `${stem}.d.ts`, content: withHeader(header, stripSourceMap(declaration.outputText)) },
    ];
  });
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

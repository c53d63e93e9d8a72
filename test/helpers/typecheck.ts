import { Project, ts } from 'ts-morph';
import type { SourceFile } from '../../src/emit/files.js';

const NODE_NEXT: ts.CompilerOptions = {
  strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext, lib: ['lib.es2022.d.ts'], types: [],
};

/**
 * Type-checks generated modules as `tsc --noEmit --strict` would, twice: the declarations on
 * their own, then the JavaScript against them (`--allowJs --checkJs`, where parameters are
 * untyped by design), so a guard calling a function that does not exist, or the runtime
 * wrongly, fails. Returns the messages.
 */
export function typeCheck(sources: SourceFile[], options: ts.CompilerOptions = {}): string[] {
  const declarations = sources.filter((source) => !/\.c?js$/.test(source.path));
  const written = sources.filter((source) => !RUNTIME_JAVASCRIPT.test(source.path));
  return [
    ...diagnostics(declarations, { ...NODE_NEXT, ...options }),
    ...diagnostics(written, { ...NODE_NEXT, ...options, allowJs: true, checkJs: true, noImplicitAny: false }),
  ];
}

/** Type-checks only the declarations, as `tsc --noEmit --strict` would: for outputs whose JavaScript another test checks. */
export function typeCheckDeclarations(sources: SourceFile[], options: ts.CompilerOptions = {}): string[] {
  return diagnostics(sources.filter((source) => source.path.endsWith('.d.ts')), { ...NODE_NEXT, ...options });
}

/** The runtime's JavaScript (both module kinds) is compiled from templates/runtime.ts, which test/emit/guards.test.ts type-checks as TypeScript. */
const RUNTIME_JAVASCRIPT = /(?:^|\/)(?:graph-)?runtime\.c?js$/;

function diagnostics(sources: SourceFile[], compilerOptions: ts.CompilerOptions): string[] {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions });
  project.createSourceFile('/out/package.json', '{"type":"module"}');
  for (const source of sources) project.createSourceFile(`/out/${source.path}`, source.content);
  return project.getPreEmitDiagnostics().map((diagnostic) => {
    const file = diagnostic.getSourceFile()?.getFilePath() ?? '';
    const message = ts.flattenDiagnosticMessageText(diagnostic.compilerObject.messageText, ' ');
    return `${file}:${diagnostic.getLineNumber() ?? 0} ${message}`;
  });
}

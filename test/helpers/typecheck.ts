import { Project, ts } from 'ts-morph';
import type { SourceFile } from '../../src/emit/files.js';

/** Type-checks generated modules as `tsc --noEmit --strict` would; returns the messages. */
export function typeCheck(sources: SourceFile[]): string[] {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext, lib: ['lib.es2022.d.ts'], types: [],
    },
  });
  project.createSourceFile('/out/package.json', '{"type":"module"}');
  for (const source of sources) project.createSourceFile(`/out/${source.path}`, source.content);
  return project.getPreEmitDiagnostics().map((diagnostic) => {
    const file = diagnostic.getSourceFile()?.getFilePath() ?? '';
    const message = ts.flattenDiagnosticMessageText(diagnostic.compilerObject.messageText, ' ');
    return `${file}:${diagnostic.getLineNumber() ?? 0} ${message}`;
  });
}

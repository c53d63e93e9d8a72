import type { ts as Ts } from 'ts-morph';
import { ts } from './tsMorph.js';

const COMPILER_OPTIONS: Ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  declaration: true,
  isolatedDeclarations: true,
  removeComments: false,
};

export interface CompiledRuntime {
  javascript: string;
  declarations: string;
  /** The `.cjs` copy; the declarations serve it too, the runtime importing nothing. */
  commonjs: string;
}

const compiled = new Map<string, CompiledRuntime>();

/**
 * The guards' runtime module (templates/runtime.ts, written in TypeScript so that a user's
 * template is type-checked as it is written) as the package ships it: `.js`, `.d.ts` and `.cjs`.
 * It is small and annotates every export, so transpiling it on its own is exact. Kept per
 * source for the process: a cold run compiles it while worker threads parse, before the
 * emitter asks for it.
 */
export function compileRuntime(source: string): CompiledRuntime {
  let result = compiled.get(source);
  if (!result) {
    const fileName = 'runtime.ts';
    const javascript = ts.transpileModule(source, { compilerOptions: COMPILER_OPTIONS, fileName }).outputText;
    const declaration = ts.transpileDeclaration(source, { compilerOptions: COMPILER_OPTIONS, fileName });
    const problems = declaration.diagnostics ?? [];
    if (problems.length > 0) {
      const message = ts.flattenDiagnosticMessageText(problems[0].messageText, '\n');
      throw new Error(`Cannot declare the runtime template: ${message}`);
    }
    const commonjs = ts.transpileModule(source, { compilerOptions: { ...COMPILER_OPTIONS, module: ts.ModuleKind.CommonJS, declaration: false }, fileName }).outputText;
    result = { javascript: stripSourceMap(javascript), declarations: stripSourceMap(declaration.outputText), commonjs: stripSourceMap(commonjs) };
    compiled.set(source, result);
  }
  return result;
}

function stripSourceMap(text: string): string {
  return text.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
}

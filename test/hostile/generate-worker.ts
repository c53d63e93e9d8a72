/**
 * Runs the pipeline on one version folder for harness.ts, on a thread the tests can stop when a
 * hostile page makes the run hang. Not a test file: uvu only loads `*.test.js`.
 */
import { parentPort } from 'node:worker_threads';
import ts from 'typescript';
import type { SourceFile } from '../../src/emit/files.js';
import { buildNameTable } from '../../src/emit/naming.js';
import { fullNameOf } from '../../src/model/types.js';
import { generateVersion } from '../../src/pipeline.js';
import type { GenerateRequest, GenerateReply } from './harness.js';

parentPort!.on('message', async ({ id, dir, apiVersion }: GenerateRequest) => {
  const started = performance.now();
  let reply: GenerateReply;
  try {
    const output = await generateVersion({ apiVersion, dir, outSubdir: '' }, { enumStyle: 'const', cacheDir: false });
    const names = buildNameTable(output.model);
    reply = {
      id, status: 'done', elapsedMs: performance.now() - started,
      diagnostics: output.diagnostics, files: output.files,
      types: output.model.types.map((type) => ({
        name: type.name, namespace: type.namespace, kind: type.kind,
        members: type.kind === 'enum' ? type.members.map((member) => member.name) : type.properties.map((property) => property.name),
        declared: type.kind === 'enum' ? {} : declaredProperties(output.files, `${names.moduleNames.get(type.namespace)}.d.ts`, names.typeNames.get(fullNameOf(type))!),
      })),
    };
  } catch (error) {
    reply = { id, status: 'crashed', elapsedMs: performance.now() - started, error: error instanceof Error ? error.stack ?? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});

/** The properties of an emitted interface with their TypeScript types as printed: `{ size: 'number | null' }`. */
function declaredProperties(files: readonly SourceFile[], modulePath: string, interfaceName: string): Record<string, string> {
  const file = files.find((candidate) => candidate.path === modulePath);
  if (!file) return {};
  const source = ts.createSourceFile(modulePath, file.content, ts.ScriptTarget.Latest, true);
  const declaration = source.statements.find((statement): statement is ts.InterfaceDeclaration =>
    ts.isInterfaceDeclaration(statement) && statement.name.text === interfaceName);
  const properties: [string, string][] = [];
  for (const member of declaration?.members ?? []) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const name = ts.isStringLiteral(member.name) || ts.isIdentifier(member.name) ? member.name.text : member.name.getText(source);
    properties.push([name, member.type.getText(source)]);
  }
  // fromEntries, not assignment: a property named __proto__ must stay a property.
  return Object.fromEntries(properties);
}

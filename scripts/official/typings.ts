/**
 * The official typings (`@microsoft/microsoft-graph-types`, `-beta`) read for `npm run
 * diff-official`: each interface's own properties, by a key its OData name also gives
 * (`callrecords.session` for `CallRecords.Session` and `microsoft.graph.callRecords.session`).
 * Read from the syntax alone: the typings declare every property in an interface body and name
 * bases as `X`, `Namespace.X` or `microsoftgraph.X`.
 */
import ts from 'typescript';

export interface TypingInterface {
  /** As the typings spell it, namespaces included: `CallRecords.Session`. */
  name: string;
  line: number;
  /** The key of the base interface, when `extends` names one the file declares. */
  base: string | null;
  /** Own properties (not inherited), each with its line. */
  own: Map<string, number>;
}

const lower = (text: string): string => text.toLowerCase();

/** A namespace renamed so as not to clash with a type (`SecurityNamespace`) is the OData `security`. */
function segmentKey(segment: string): string {
  const key = lower(segment);
  return key.length > 'namespace'.length && key.endsWith('namespace') ? key.slice(0, -'namespace'.length) : key;
}

/** The key of an interface named `name` inside the namespaces `namespaces` (outermost first). */
export const typingKey = (namespaces: readonly string[], name: string): string => [...namespaces.map(segmentKey), lower(name)].join('.');

/** The key of an OData full name: `microsoft.graph.callRecords.session` → `callrecords.session`. */
export function odataKey(fullName: string): string {
  const parts = fullName.split('.');
  const rest = parts.length > 2 && lower(parts[0]!) === 'microsoft' && lower(parts[1]!) === 'graph' ? parts.slice(2) : parts;
  return typingKey(rest.slice(0, -1), rest.at(-1)!);
}

/** Every interface of a typings file by key; bases may be named through its `export as namespace` name. */
export function readTypings(text: string, fileName = 'microsoft-graph.d.ts'): Map<string, TypingInterface> {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const globals = new Set(source.statements.filter(ts.isNamespaceExportDeclaration).map((statement) => statement.name.text));
  const found = new Map<string, TypingInterface & { baseWritten: string[] | null; namespaces: string[] }>();
  const visit = (statements: ts.NodeArray<ts.Statement>, namespaces: string[]): void => {
    for (const statement of statements) {
      if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) {
        let body = statement.body;
        const inner = [...namespaces, statement.name.text];
        // `namespace A.B { }` nests a module declaration as the body
        while (body && ts.isModuleDeclaration(body)) {
          inner.push(body.name.text);
          body = body.body;
        }
        if (body && ts.isModuleBlock(body)) visit(body.statements, inner);
      } else if (ts.isInterfaceDeclaration(statement)) {
        const key = typingKey(namespaces, statement.name.text);
        const entry = found.get(key) ?? {
          name: [...namespaces, statement.name.text].join('.'),
          line: source.getLineAndCharacterOfPosition(statement.getStart(source)).line + 1,
          base: null, own: new Map<string, number>(), baseWritten: null, namespaces,
        };
        found.set(key, entry);
        const extended = statement.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
        if (extended && entry.baseWritten === null) entry.baseWritten = extended.expression.getText(source).split('.');
        for (const member of statement.members) {
          if (!ts.isPropertySignature(member) || !member.name) continue;
          const name = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : member.name.getText(source);
          if (name.startsWith('@')) continue; // "@odata.type" is an annotation, not a property
          if (!entry.own.has(name)) entry.own.set(name, source.getLineAndCharacterOfPosition(member.getStart(source)).line + 1);
        }
      }
    }
  };
  visit(source.statements, []);
  const result = new Map<string, TypingInterface>();
  for (const [key, { baseWritten, namespaces, ...entry }] of found) {
    let base: string | null = null;
    if (baseWritten) {
      // `microsoftgraph.Entity` names the top level; any other name is looked up from the
      // innermost namespace outwards, as TypeScript does
      const global = baseWritten.length > 1 && globals.has(baseWritten[0]!);
      const written = global ? baseWritten.slice(1) : baseWritten;
      const name = written.at(-1)!;
      for (let depth = global ? 0 : namespaces.length; depth >= 0 && base === null; depth--) {
        const candidate = typingKey([...namespaces.slice(0, depth), ...written.slice(0, -1)], name);
        if (found.has(candidate)) base = candidate;
      }
    }
    result.set(key, { ...entry, base });
  }
  return result;
}

/** Own and inherited property names of the interface `key`, following `base` (cycles stop). */
export function flattened<T extends { base: string | null }>(types: ReadonlyMap<string, T>, key: string, own: (type: T) => Iterable<string>): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  for (let at: string | null = key; at !== null && !seen.has(at); at = types.get(at)?.base ?? null) {
    seen.add(at);
    const type = types.get(at);
    if (!type) break;
    for (const name of own(type)) names.add(name);
  }
  return names;
}

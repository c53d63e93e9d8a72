import { docText, type DocTags } from './jsdoc.js';
import { ROOT_NAMESPACE, type NameTable } from './naming.js';
import type { Template } from './templates.js';
import { pageUrl, type DocsLink } from './docsLink.js';

/** Where a reference to another module's name stands: in the `.d.ts` (a type) or the `.js` (a guard function). */
export type ReferenceUse = 'declarations' | 'javascript';

/** What code written into a namespace's module needs: names, the imports it makes, the JSDoc layout. */
export class ModuleContext {
  private readonly imported: Record<ReferenceUse, Set<string>> = { declarations: new Set(), javascript: new Set() };

  constructor(readonly namespace: string, private readonly names: NameTable, private readonly jsdoc: Template, private readonly docsLink?: DocsLink) {}

  /** The published address of a docs page, for `@see`. */
  link(file: string | undefined): string | undefined {
    return file && this.docsLink ? pageUrl(this.docsLink, file) : undefined;
  }

  /** The union of a base type and its derived types, by the base's full name; undefined when nothing derives from it. */
  unionName(fullName: string): string | undefined {
    return this.names.unionNames.get(fullName);
  }

  /** JSDoc for a declaration, as ts-morph `docs`. */
  docs(description: string, tags: DocTags = {}): string[] | undefined {
    const text = docText(this.jsdoc, description, tags);
    return text ? [text] : undefined;
  }

  get moduleName(): string {
    return this.names.moduleNames.get(this.namespace)!;
  }

  localName(fullName: string): string {
    return this.names.typeNames.get(fullName)!;
  }

  /** A type (or its guard's name stem) as code in this module: its bare name, or `$Other.Name` through a namespace import. */
  reference(fullName: string, use: ReferenceUse): string {
    const local = this.localName(fullName);
    const namespace = fullName.slice(0, fullName.lastIndexOf('.'));
    if (namespace.toLowerCase() === this.namespace.toLowerCase()) return local;
    const canonical = [...this.names.moduleNames.keys()].find((known) => known.toLowerCase() === namespace.toLowerCase())!;
    this.imported[use].add(canonical);
    return `${importAlias(canonical, this.names)}.${local}`;
  }

  /** The other namespaces referenced in one of the files. */
  importedNamespaces(use: ReferenceUse): string[] {
    return [...this.imported[use]].sort();
  }
}

/**
 * `import * as $Graph from './graph.js'` lines for namespaces a module references; `import type`
 * for a module of types only; `suffix` for another of the namespaces' modules (`.checks`).
 */
export function importLines(namespaces: Iterable<string>, names: NameTable, typeOnly = false, suffix = ''): string[] {
  return [...new Set(namespaces)].sort().map((namespace) =>
    `import ${typeOnly ? 'type ' : ''}* as ${importAlias(namespace, names)} from './${names.moduleNames.get(namespace)}${suffix}.js';`);
}

/** `$` cannot occur in a documented name, so these aliases never clash with a type. */
function importAlias(namespace: string, names: NameTable): string {
  return namespace === ROOT_NAMESPACE ? '$Graph' : `$${names.exportNames.get(namespace)}`;
}

import { docText, type DocTags } from './jsdoc.js';
import { ROOT_NAMESPACE, type NameTable } from './naming.js';
import type { Template } from './templates.js';

/** What code written into one namespace's module needs: names, its imports, the JSDoc layout. */
export class ModuleContext {
  private readonly imported = new Set<string>();

  constructor(readonly namespace: string, private readonly names: NameTable, private readonly jsdoc: Template) {}

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

  /** A type as code in this module: its bare name, or `$Other.Name` through a namespace import. */
  reference(fullName: string): string {
    const local = this.localName(fullName);
    const namespace = fullName.slice(0, fullName.lastIndexOf('.'));
    if (namespace.toLowerCase() === this.namespace.toLowerCase()) return local;
    const canonical = [...this.names.moduleNames.keys()].find((known) => known.toLowerCase() === namespace.toLowerCase())!;
    this.imported.add(canonical);
    return `${importAlias(canonical, this.names)}.${local}`;
  }

  /** `import * as $Graph from './graph.js'` lines for every other module referenced. */
  importLines(): string[] {
    return [...this.imported].sort().map((namespace) =>
      `import * as ${importAlias(namespace, this.names)} from './${this.names.moduleNames.get(namespace)}.js';`);
  }
}

/** `$` cannot occur in a documented name, so these aliases never clash with a type. */
function importAlias(namespace: string, names: NameTable): string {
  return namespace === ROOT_NAMESPACE ? '$Graph' : `$${names.exportNames.get(namespace)}`;
}

import type { InlineEnum, PageResult, RawObjectType, RawProperty, RawTypeRef } from '../read/types.js';
import { splitName } from '../read/page.js';
import { canonicalNamespaces } from './namespaces.js';
import {
  fullNameOf, type Diagnostic, type EnumTypeDef, type Model, type ObjectTypeDef, type PropertyDef,
  type Severity, type SourcePlace, type TypeDef, type TypeRef,
} from './types.js';

export interface BuildResult {
  model: Model;
  diagnostics: Diagnostic[];
}

/**
 * Joins what every page said into one model: merges pages that describe one type, resolves
 * type names, turns listed values into enums and settles inheritance.
 */
export function buildModel(apiVersion: string, pages: PageResult[]): BuildResult {
  const canonical = canonicalNamespaces(pages);
  const normalized = pages.map((page) => ({
    ...page,
    objects: page.objects.map((object) => ({ ...object, namespace: canonical(object.namespace) })),
    enums: page.enums.map((enumType) => ({ ...enumType, namespace: canonical(enumType.namespace) })),
  }));
  return new ModelBuilder(apiVersion, normalized.sort((a, b) => compareText(a.file, b.file))).build();
}

interface Draft {
  raw: RawObjectType;
  properties: RawProperty[];
  sources: SourcePlace[];
}

class ModelBuilder {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly drafts = new Map<string, Draft>();
  private readonly enums = new Map<string, EnumTypeDef>();
  /** Lower-cased simple name → lower-cased full names that carry it. */
  private readonly bySimpleName = new Map<string, string[]>();
  private readonly objects = new Map<string, ObjectTypeDef>();

  constructor(private readonly apiVersion: string, private readonly pages: PageResult[]) {}

  build(): BuildResult {
    for (const page of this.pages) {
      this.diagnostics.push(...page.diagnostics);
      for (const enumType of page.enums) this.addEnum(enumType);
    }
    for (const page of this.preferOwnPages()) for (const object of page.objects) this.addObject(object);
    this.indexNames();
    for (const [key, draft] of this.drafts) this.objects.set(key, this.resolveObject(draft));
    this.settleInheritance();
    const types: TypeDef[] = [...this.objects.values(), ...this.enums.values()].sort(compareTypes);
    return { model: { apiVersion: this.apiVersion, types }, diagnostics: this.diagnostics };
  }

  /** A type's own page (`user.md` for `user`) leads a merge; then the rest, by file name. */
  private preferOwnPages(): PageResult[] {
    const ownPage = (page: PageResult) =>
      page.objects.some((object) => baseName(page.file).toLowerCase() === object.name.toLowerCase()) ? 0 : 1;
    return [...this.pages].sort((a, b) => ownPage(a) - ownPage(b) || compareText(a.file, b.file));
  }

  private addEnum(enumType: EnumTypeDef): void {
    const key = fullNameOf(enumType).toLowerCase();
    const existing = this.enums.get(key);
    if (!existing) {
      this.enums.set(key, { ...enumType, members: [...enumType.members], sources: [...enumType.sources] });
      return;
    }
    existing.sources.push(...enumType.sources);
    const known = new Set(existing.members.map((member) => member.name));
    const added = enumType.members.filter((member) => !known.has(member.name));
    if (added.length > 0 || enumType.members.length !== existing.members.length) {
      this.report(enumType.sources[0], 'conflicting-definition', 'warning',
        `Enum '${enumType.name}' is also defined in ${existing.sources[0].file} with other members`);
    }
    existing.members.push(...added);
  }

  private addObject(object: RawObjectType): void {
    const key = fullNameOf(object).toLowerCase();
    const existing = this.drafts.get(key);
    if (!existing) {
      this.drafts.set(key, { raw: object, properties: [...object.properties], sources: [object.source] });
      return;
    }
    existing.sources.push(object.source);
    existing.raw = mergeFlags(existing.raw, object);
    for (const property of object.properties) {
      const same = existing.properties.find((candidate) => candidate.name === property.name);
      if (!same) {
        existing.properties.push(property);
      } else if (typeKey(same) !== typeKey(property)) {
        this.report(property.source, 'conflicting-definition', 'warning',
          `Property '${object.name}.${property.name}' is ${typeKey(property)} here but ${typeKey(same)} in ${same.source.file}:${same.source.line}`);
      }
    }
  }

  private indexNames(): void {
    const keys = [...this.drafts.keys(), ...this.enums.keys()];
    for (const key of keys) {
      const simple = key.slice(key.lastIndexOf('.') + 1);
      const list = this.bySimpleName.get(simple) ?? [];
      list.push(key);
      this.bySimpleName.set(simple, list);
    }
  }

  /** Finds a type by the name a page used: qualified, then the owner's namespace, then microsoft.graph. */
  private lookup(name: string, ownerNamespace: string): string | undefined {
    const cleaned = name.replace(/^#/, '');
    if (cleaned.includes('.')) {
      const { namespace, name: simple } = splitName(cleaned, ownerNamespace);
      const key = `${namespace}.${simple}`.toLowerCase();
      if (this.drafts.has(key) || this.enums.has(key)) return key;
      return this.lookup(simple, namespace);
    }
    const candidates = this.bySimpleName.get(cleaned.toLowerCase());
    if (!candidates) return undefined;
    const preferred = [`${ownerNamespace}.${cleaned}`.toLowerCase(), `microsoft.graph.${cleaned}`.toLowerCase()];
    return preferred.find((key) => candidates.includes(key)) ?? (candidates.length === 1 ? candidates[0] : undefined);
  }

  private fullNameFor(key: string): string {
    const type = this.drafts.get(key)?.raw ?? this.enums.get(key);
    return type ? fullNameOf(type) : key;
  }

  private resolveObject(draft: Draft): ObjectTypeDef {
    const { raw } = draft;
    const inheritedFrom = draft.properties.find((property) => property.inheritedFrom)?.inheritedFrom;
    const baseName = raw.baseType ?? inheritedFrom;
    let baseType: string | undefined;
    if (baseName) {
      const key = this.lookup(baseName, raw.namespace);
      if (key && this.drafts.has(key)) baseType = this.fullNameFor(key);
      else this.report(raw.source, 'base-type-not-found', 'warning', `Base type '${baseName}' of '${raw.name}' is not defined by any page`);
    }
    const properties = draft.properties.map((property) => this.resolveProperty(raw, property));
    return {
      kind: 'complex',
      name: raw.name,
      namespace: raw.namespace,
      ...(baseType ? { baseType } : {}),
      abstract: raw.abstract,
      openType: raw.openType,
      mediaEntity: raw.mediaEntity,
      description: raw.description,
      properties,
      sources: [...draft.sources].sort(comparePlaces),
    };
  }

  private resolveProperty(owner: RawObjectType, property: RawProperty): PropertyDef {
    const type = this.resolveType(owner, property);
    const key = owner.keyProperty ? property.name === owner.keyProperty : false;
    const resolved: PropertyDef = {
      name: property.name,
      type,
      collection: property.collection,
      nullable: !property.notNullable && !key,
      readOnly: property.readOnly,
      key,
      navigation: property.navigation,
      description: property.description,
      source: property.source,
    };
    if (property.maxLength !== undefined) resolved.maxLength = property.maxLength;
    return resolved;
  }

  private resolveType(owner: RawObjectType, property: RawProperty): TypeRef {
    const inline = property.inlineEnum;
    if (property.type.kind === 'primitive') {
      return inline && property.type.name === 'String' && makesStringAnEnum(inline)
        ? { kind: 'named', fullName: this.inlineEnum(owner, property, inline) }
        : property.type;
    }
    const key = this.lookup(property.type.name, owner.namespace);
    if (key) {
      const enumType = this.enums.get(key);
      if (enumType && inline) this.compareEnumValues(enumType, inline.values, inline.place);
      return { kind: 'named', fullName: this.fullNameFor(key) };
    }
    if (inline) return { kind: 'named', fullName: this.inlineEnum(owner, property, inline) };
    this.report(property.source, 'unknown-type', 'warning', `Unknown type '${property.type.name}' for property '${owner.name}.${property.name}'`);
    return { kind: 'primitive', name: 'Untyped' };
  }

  private compareEnumValues(enumType: EnumTypeDef, values: string[], place: SourcePlace): void {
    const members = new Set(enumType.members.map((member) => member.name));
    const differing = values.filter((value) => !members.has(value));
    if (differing.length > 0) {
      this.report(place, 'enum-values-mismatch', 'warning',
        `Values ${differing.map((value) => `'${value}'`).join(', ')} are not members of enum '${enumType.name}' (${enumType.sources[0].file})`);
    }
  }

  /**
   * An enum only listed in prose or JSON is named after its type and property. When a members
   * table documents an enum of that name, the table is the definition and the list is checked against it.
   */
  private inlineEnum(owner: RawObjectType, property: RawProperty, { values, origin, place }: InlineEnum): string {
    const name = `${owner.name}${property.name[0].toUpperCase()}${property.name.slice(1)}`;
    const key = `${owner.namespace}.${name}`.toLowerCase();
    const existing = this.enums.get(key);
    if (existing && isDocumentedEnum(existing)) {
      this.compareEnumValues(existing, values, place);
      return fullNameOf(existing);
    }
    if (existing) {
      const merged = new Set(existing.members.map((member) => member.name));
      for (const value of values) if (!merged.has(value)) existing.members.push({ name: value, description: '' });
      return fullNameOf(existing);
    }
    const enumType: EnumTypeDef = {
      kind: 'enum', name, namespace: owner.namespace, origin, flags: false, description: '',
      members: values.map((value) => ({ name: value, description: '' })),
      sources: [property.source],
    };
    this.enums.set(key, enumType);
    return fullNameOf(enumType);
  }

  /** Breaks cycles, marks entities, and drops properties that a base type already declares. */
  private settleInheritance(): void {
    for (const object of this.objects.values()) {
      const seen = new Set<string>([fullNameOf(object).toLowerCase()]);
      let base = object.baseType;
      while (base) {
        const key = base.toLowerCase();
        if (seen.has(key)) {
          this.report(object.sources[0], 'inheritance-cycle', 'error', `Inheritance cycle through '${object.name}' and '${base}'`);
          delete object.baseType;
          break;
        }
        seen.add(key);
        base = this.objects.get(key)?.baseType;
      }
    }
    for (const object of this.objects.values()) {
      const ancestors = this.ancestorsOf(object);
      object.kind = [object, ...ancestors].some((type) => type.name === 'entity' || type.properties.some((property) => property.key))
        ? 'entity' : 'complex';
      const inherited = new Set(ancestors.flatMap((ancestor) => ancestor.properties.map((property) => property.name)));
      object.properties = object.properties.filter((property) => !inherited.has(property.name));
    }
  }

  private ancestorsOf(object: ObjectTypeDef): ObjectTypeDef[] {
    const ancestors: ObjectTypeDef[] = [];
    let base = object.baseType ? this.objects.get(object.baseType.toLowerCase()) : undefined;
    while (base && !ancestors.includes(base)) {
      ancestors.push(base);
      base = base.baseType ? this.objects.get(base.baseType.toLowerCase()) : undefined;
    }
    return ancestors;
  }

  private report(place: SourcePlace, ruleId: string, severity: Severity, reason: string): void {
    this.diagnostics.push({ file: place.file, line: place.line, column: place.column, severity, ruleId, reason });
  }
}

/**
 * Whether values listed for a String property make it an enum. A JSON sample (`"a | b"`) only
 * shows example strings; a description list does, unless its values are all PascalCase: Graph
 * enum members are lowerCamelCase, so capitalised lists are the literal strings a service returns.
 */
function makesStringAnEnum(inline: InlineEnum): boolean {
  return inline.origin === 'description' && !inline.values.every((value) => /^[A-Z]/.test(value));
}

function isDocumentedEnum(enumType: EnumTypeDef): boolean {
  return enumType.origin === 'page' || enumType.origin === 'section';
}

function mergeFlags(first: RawObjectType, second: RawObjectType): RawObjectType {
  return {
    ...first,
    baseType: first.baseType ?? second.baseType,
    abstract: first.abstract || second.abstract,
    openType: first.openType || second.openType,
    mediaEntity: first.mediaEntity || second.mediaEntity,
    keyProperty: first.keyProperty ?? second.keyProperty,
    description: first.description || second.description,
  };
}

function typeKey(property: RawProperty): string {
  const type: RawTypeRef = property.type;
  const name = type.kind === 'primitive' ? type.name : type.name.replace(/^microsoft\.graph\./, '');
  return `${name}${property.collection ? '[]' : ''}`.toLowerCase();
}

function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.md$/i, '');
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareTypes(a: TypeDef, b: TypeDef): number {
  return compareText(a.namespace, b.namespace) || compareText(a.name, b.name) || compareText(a.kind, b.kind);
}

function comparePlaces(a: SourcePlace, b: SourcePlace): number {
  return compareText(a.file, b.file) || a.line - b.line;
}

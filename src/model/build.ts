import type { InlineEnum, PageResult, RawObjectType, RawProperty, RawTypeRef } from '../read/types.js';
import { splitName } from '../read/page.js';
import { settleStatedBases } from './derivedTypes.js';
import { propertiesNotInTables } from './jsonOnly.js';
import { brokenTypeLinks } from './links.js';
import { canonicalNamespaces } from './namespaces.js';
import { buildOperations } from './operations.js';
import {
  fullNameOf, type Diagnostic, type EnumTypeDef, type Model, type ObjectTypeDef, type PropertyDef,
  type Severity, type SourcePlace, type TypeDef, type TypeRef,
} from './types.js';
import { compareText } from '../compareText.js';

/** The base of every entity type. */
const ENTITY = 'microsoft.graph.entity';
const ROOT_NAMESPACE = 'microsoft.graph';

export interface BuildResult {
  model: Model;
  diagnostics: Diagnostic[];
}

export interface BuildOptions {
  /** The docs folder's own name, so a link `../resources/x.md` from a page of `resources/` is known to come back in. */
  folderName?: string;
}

/**
 * Joins what every page said into one model: merges pages that describe one type, resolves
 * type names, turns listed values into enums and settles inheritance.
 *
 * Type names are case-sensitive, as in OData: `fooBar` and `FooBar` are two types. A reference
 * finds its type in another case only when it matches no type exactly.
 */
export function buildModel(apiVersion: string, pages: PageResult[], options: BuildOptions = {}): BuildResult {
  const canonical = canonicalNamespaces(pages);
  const normalized = pages.map((page) => ({
    ...page,
    objects: page.objects.map((object) => ({ ...object, namespace: canonical(object.namespace) })),
    enums: page.enums.map((enumType) => ({ ...enumType, namespace: canonical(enumType.namespace) })),
  }));
  const result = new ModelBuilder(apiVersion, normalized.sort((a, b) => compareText(a.file, b.file)), options.folderName).build();
  result.diagnostics.push(...brokenTypeLinks(pages, options.folderName));
  return result;
}

interface Draft {
  raw: RawObjectType;
  properties: RawProperty[];
  sources: SourcePlace[];
}

class ModelBuilder {
  private readonly diagnostics: Diagnostic[] = [];
  /** Types by full name as written: the key of a type everywhere in the builder. */
  private readonly drafts = new Map<string, Draft>();
  private readonly enums = new Map<string, EnumTypeDef>();
  /** Lower-cased simple name → the full names that carry it, in any case. */
  private readonly bySimpleName = new Map<string, string[]>();
  private readonly objects = new Map<string, ObjectTypeDef>();
  /** Derived type → the base its base page gives it, where its own page names none or a less specific one. */
  private statedBases = new Map<string, string>();

  constructor(private readonly apiVersion: string, private readonly pages: PageResult[], private readonly folderName: string | undefined) {}

  build(): BuildResult {
    for (const page of this.pages) {
      this.diagnostics.push(...page.diagnostics);
      for (const enumType of page.enums) this.addEnum(enumType);
    }
    for (const page of this.preferOwnPages()) for (const object of page.objects) this.addObject(object);
    this.indexNames();
    this.readStatedBases();
    for (const [key, draft] of this.drafts) this.objects.set(key, this.resolveObject(draft));
    this.settleInheritance();
    this.diagnostics.push(...propertiesNotInTables(this.pages, (object) => this.inheritedPropertyNames(object)));
    const types: TypeDef[] = [...this.objects.values(), ...this.enums.values()].sort(compareTypes);
    const operations = buildOperations(this.pages, { types, resolve: (name) => this.resolveName(name) }, this.diagnostics);
    return { model: { apiVersion: this.apiVersion, types, operations }, diagnostics: this.diagnostics };
  }

  /** The full name of the type a name (simple or qualified) finds from microsoft.graph, as lookup finds it. */
  resolveName(name: string): string | undefined {
    const key = this.lookup(name, ROOT_NAMESPACE);
    return key ? this.fullNameFor(key) : undefined;
  }

  /** A type's own page (`user.md` for `user`) leads a merge; then the rest, by file name. */
  private preferOwnPages(): PageResult[] {
    const ownPage = (page: PageResult) =>
      page.objects.some((object) => baseName(page.file).toLowerCase() === object.name.toLowerCase()) ? 0 : 1;
    return [...this.pages].sort((a, b) => ownPage(a) - ownPage(b) || compareText(a.file, b.file));
  }

  private addEnum(enumType: EnumTypeDef): void {
    const key = fullNameOf(enumType);
    const existing = this.enums.get(key);
    if (!existing) {
      this.enums.set(key, { ...enumType, members: [...enumType.members], sources: [...enumType.sources] });
      return;
    }
    existing.sources.push(...enumType.sources);
    existing.flags ||= enumType.flags;
    const known = new Set(existing.members.map((member) => member.name));
    const added = enumType.members.filter((member) => !known.has(member.name));
    if (added.length > 0 || enumType.members.length !== existing.members.length) {
      this.report(enumType.sources[0], 'conflicting-definition', 'warning',
        `Enum '${enumType.name}' is also defined in ${existing.sources[0].file} with other members`);
    }
    existing.members.push(...added);
  }

  private addObject(object: RawObjectType): void {
    const key = fullNameOf(object);
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
      const simple = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
      const list = this.bySimpleName.get(simple) ?? [];
      list.push(key);
      this.bySimpleName.set(simple, list);
    }
  }

  /**
   * Finds a type by the name a page used: qualified, then in the owner's namespace, then in
   * microsoft.graph, then the only type of that simple name anywhere; each as written before
   * in another case.
   */
  private lookup(name: string, ownerNamespace: string): string | undefined {
    const cleaned = name.replace(/^#/, '');
    if (cleaned.includes('.')) {
      const { namespace, name: simple } = splitName(cleaned, ownerNamespace);
      return this.findKey([`${namespace}.${simple}`], simple) ?? this.lookup(simple, namespace);
    }
    const candidates = this.bySimpleName.get(cleaned.toLowerCase()) ?? [];
    return this.findKey([`${ownerNamespace}.${cleaned}`, `microsoft.graph.${cleaned}`], cleaned)
      ?? (candidates.length === 1 ? candidates[0] : undefined);
  }

  /** The first of `wanted` that is a type's key, as written; else the first that is one in another case. */
  private findKey(wanted: string[], simpleName: string): string | undefined {
    const candidates = this.bySimpleName.get(simpleName.toLowerCase()) ?? [];
    return wanted.find((key) => candidates.includes(key))
      ?? wanted.map((key) => key.toLowerCase()).flatMap((key) => candidates.filter((candidate) => candidate.toLowerCase() === key))[0];
  }

  private fullNameFor(key: string): string {
    const type = this.drafts.get(key)?.raw ?? this.enums.get(key);
    return type ? fullNameOf(type) : key;
  }

  /** The base a draft names: its annotation's or its prose's, else one its rows say they inherit from. */
  private baseNameOf(draft: Draft): string | undefined {
    return draft.raw.baseType ?? draft.properties.find((property) => property.inheritedFrom)?.inheritedFrom;
  }

  /** What base pages say of their derived types, against what the derived types' own pages say. */
  private readStatedBases(): void {
    const settled = settleStatedBases(this.pages, {
      findObject: (name, namespace) => {
        const key = this.lookup(name, namespace);
        return key && this.drafts.has(key) ? key : undefined;
      },
      ownBase: (key) => this.ownBase(key),
    }, this.folderName);
    this.statedBases = settled.bases;
    this.diagnostics.push(...settled.diagnostics);
  }

  /** The base a type's own pages name, and where they name it. */
  private ownBase(key: string): { key: string; place: SourcePlace } | undefined {
    const draft = this.drafts.get(key);
    const name = draft && this.ownBaseName(draft);
    const base = name ? this.lookup(name, draft.raw.namespace) : undefined;
    if (!draft || !name || !base || !this.drafts.has(base)) return undefined;
    const { raw } = draft;
    const row = raw.baseType ? undefined : draft.properties.find((property) => property.inheritedFrom);
    const fromSentence = raw.baseTypeSentence && (name === raw.proseBaseType || !raw.proseBaseType);
    return { key: base, place: row?.source ?? (fromSentence ? raw.baseTypeSentence! : raw.source) };
  }

  /** The object types a type derives from, nearest first, as far as the pages name them. */
  private draftAncestors(key: string): string[] {
    const ancestors: string[] = [];
    for (let current = key, draft = this.drafts.get(key); draft;) {
      const baseName = this.baseNameOf(draft);
      const base = this.statedBases.get(current) ?? (baseName ? this.lookup(baseName, draft.raw.namespace) : undefined);
      if (!base || !this.drafts.has(base) || base === key || ancestors.includes(base)) break;
      ancestors.push(base);
      current = base;
      draft = this.drafts.get(base);
    }
    return ancestors;
  }

  /** The base a base page states for the type where its own pages name none or a less specific one; else theirs. */
  private chosenBaseName(draft: Draft): string | undefined {
    return this.statedBases.get(fullNameOf(draft.raw)) ?? this.ownBaseName(draft);
  }

  /**
   * The annotation's base, unless a sentence names a more specific one: a type that itself
   * derives from the annotation's base ("Derived from printOperation" where the annotation says
   * entity). An entity type is more specific than `entity` even where its page does not say it
   * derives from it: directoryObject's page only names its key.
   */
  private ownBaseName(draft: Draft): string | undefined {
    const annotated = this.baseNameOf(draft);
    const prose = draft.raw.proseBaseType;
    if (!prose || !annotated) return annotated;
    const proseKey = this.lookup(prose, draft.raw.namespace);
    const annotatedKey = this.lookup(annotated, draft.raw.namespace);
    if (!proseKey || !annotatedKey) return annotated;
    const moreSpecific = this.draftAncestors(proseKey).includes(annotatedKey)
      || (annotatedKey === ENTITY && this.drafts.get(proseKey)?.raw.keyProperty !== undefined);
    return moreSpecific ? prose : annotated;
  }

  private resolveObject(draft: Draft): ObjectTypeDef {
    const { raw } = draft;
    const baseName = this.chosenBaseName(draft);
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
    const key = this.commonBaseOf(property, owner.namespace) ?? this.lookup(property.type.name, owner.namespace);
    if (key) {
      const enumType = this.enums.get(key);
      if (enumType && inline) this.compareEnumValues(enumType, inline.values, inline.place);
      if (enumType && property.combinedValues && areMembers(property.combinedValues, enumType.members.map((member) => member.name))) enumType.flags = true;
      return { kind: 'named', fullName: this.fullNameFor(key) };
    }
    if (inline) return { kind: 'named', fullName: this.inlineEnum(owner, property, inline) };
    this.report(property.source, 'unknown-type', 'warning', `Unknown type '${property.type.name}' for property '${owner.name}.${property.name}'`);
    return { kind: 'primitive', name: 'Untyped' };
  }

  /**
   * For a Type cell that offers alternatives ("[appHostedMediaConfig](...) or
   * [serviceHostedMediaConfig](...)"), the nearest type all of them derive from, if there is one.
   */
  private commonBaseOf(property: RawProperty, ownerNamespace: string): string | undefined {
    const keys = property.typeAlternatives?.map((name) => this.lookup(name, ownerNamespace));
    if (!keys || keys.length < 2 || !keys.every((key): key is string => key !== undefined && this.drafts.has(key))) return undefined;
    const [first, ...rest] = keys.map((key) => [key, ...this.draftAncestors(key)]);
    return first.find((candidate) => rest.every((lineage) => lineage.includes(candidate)));
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
  private inlineEnum(owner: RawObjectType, property: RawProperty, { values, origin, place, flags = false }: InlineEnum): string {
    const name = `${owner.name}${identifierPart(property.name)}`;
    const key = `${owner.namespace}.${name}`;
    const existing = this.enums.get(key);
    const shownCombined = (members: string[]) => property.combinedValues !== undefined && areMembers(property.combinedValues, members);
    if (existing && isDocumentedEnum(existing)) {
      this.compareEnumValues(existing, values, place);
      existing.flags ||= shownCombined(existing.members.map((member) => member.name));
      return fullNameOf(existing);
    }
    if (existing) {
      const merged = new Set(existing.members.map((member) => member.name));
      for (const value of values) if (!merged.has(value)) existing.members.push({ name: value, description: '' });
      existing.flags ||= flags || shownCombined(values);
      return fullNameOf(existing);
    }
    const enumType: EnumTypeDef = {
      kind: 'enum', name, namespace: owner.namespace, origin, flags: flags || shownCombined(values), description: '',
      members: values.map((value) => ({ name: value, description: '' })),
      sources: [property.source],
    };
    this.enums.set(key, enumType);
    return fullNameOf(enumType);
  }

  /** Breaks cycles, marks entities, and drops properties that a base type already declares. */
  private settleInheritance(): void {
    for (const object of this.objects.values()) {
      const seen = new Set<string>([fullNameOf(object)]);
      let base = object.baseType;
      while (base) {
        if (seen.has(base)) {
          this.report(object.sources[0], 'inheritance-cycle', 'error', `Inheritance cycle through '${object.name}' and '${base}'`);
          delete object.baseType;
          break;
        }
        seen.add(base);
        base = this.objects.get(base)?.baseType;
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

  /** Lower-cased names of the properties a page's type inherits, once inheritance is settled. */
  private inheritedPropertyNames(raw: RawObjectType): Set<string> {
    const object = this.objects.get(fullNameOf(raw));
    const ancestors = object ? this.ancestorsOf(object) : [];
    return new Set(ancestors.flatMap((ancestor) => ancestor.properties.map((property) => property.name.toLowerCase())));
  }

  private ancestorsOf(object: ObjectTypeDef): ObjectTypeDef[] {
    const ancestors: ObjectTypeDef[] = [];
    let base = object.baseType ? this.objects.get(object.baseType) : undefined;
    while (base && !ancestors.includes(base)) {
      ancestors.push(base);
      base = base.baseType ? this.objects.get(base.baseType) : undefined;
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

/** A property name as part of a type name: `mode` → `Mode`, `x-ms-id` → `XMsId`, `@odata.type` → `OdataType`. */
function identifierPart(propertyName: string): string {
  const joined = propertyName.replace(/[^A-Za-z0-9_]+(.?)/g, (_, next: string) => next.toUpperCase());
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** A JSON value's comma-joined parts are a combination of members: two or more, each once. */
function areMembers(parts: string[], members: string[]): boolean {
  return parts.length >= 2 && new Set(parts).size === parts.length && parts.every((part) => members.includes(part));
}

function isDocumentedEnum(enumType: EnumTypeDef): boolean {
  return enumType.origin === 'page' || enumType.origin === 'section';
}

function mergeFlags(first: RawObjectType, second: RawObjectType): RawObjectType {
  const baseFrom = first.baseType ? first : second;
  return {
    ...first,
    baseType: baseFrom.baseType,
    ...(baseFrom.baseTypeSentence ? { baseTypeSentence: baseFrom.baseTypeSentence } : {}),
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


function compareTypes(a: TypeDef, b: TypeDef): number {
  return compareText(a.namespace, b.namespace) || compareText(a.name, b.name) || compareText(a.kind, b.kind);
}

function comparePlaces(a: SourcePlace, b: SourcePlace): number {
  return compareText(a.file, b.file) || a.line - b.line;
}

import type { Diagnostic, EnumTypeDef, PrimitiveName, SourcePlace } from '../model/types.js';

/** A type as a page spells it, before the model knows which types exist. */
export type RawTypeRef =
  | { kind: 'primitive'; name: PrimitiveName }
  /** `name` may be simple (`resultInfo`) or qualified (`microsoft.graph.resultInfo`). */
  | { kind: 'unresolved'; name: string };

export interface InlineEnum {
  values: string[];
  origin: 'description' | 'json';
  place: SourcePlace;
  /** The description says several values may be combined in one string ("created,updated"). */
  flags?: boolean;
}

export interface RawProperty {
  name: string;
  type: RawTypeRef;
  /** The types a Type cell offers as alternatives ("[a](a.md) or [b](b.md)"); `type` is the first. */
  typeAlternatives?: string[];
  collection: boolean;
  readOnly: boolean;
  notNullable: boolean;
  navigation: boolean;
  maxLength?: number;
  description: string;
  /** The base type a row says it is inherited from (`Inherited from [entity](entity.md)`). */
  inheritedFrom?: string;
  /** Enum values listed in the description or the JSON block for a string property. */
  inlineEnum?: InlineEnum;
  /** Members a JSON representation joins with commas in one value (`"mailbox,site"`): a flags enum's. */
  combinedValues?: string[];
  /** Where the property was seen: the Properties/Relationships tables, the JSON block. */
  inTable: boolean;
  inJson: boolean;
  source: SourcePlace;
}

export interface RawObjectType {
  name: string;
  namespace: string;
  /** As written in the annotation or an "Inherits from" sentence; simple or qualified. */
  baseType?: string;
  /** The base a sentence names when the annotation names another one; the model keeps the more specific. */
  proseBaseType?: string;
  /** Where a sentence names the base (`baseType` when the annotation names none, else `proseBaseType`); else the annotation (`source`) does. */
  baseTypeSentence?: SourcePlace;
  abstract: boolean;
  openType: boolean;
  mediaEntity: boolean;
  keyProperty?: string;
  description: string;
  properties: RawProperty[];
  hasPropertiesTable: boolean;
  source: SourcePlace;
}

export type DocType = 'resource' | 'enum' | 'conceptual' | 'other';

/** A link a page uses to name a type (a Type cell, an "Inherits from" sentence), as written. */
export interface TypeLink {
  target: string;
  place: SourcePlace;
}

/**
 * A type that a base page names as derived from its own type: a row or item of a `## Derived
 * types` table or list, or a link of "the derived types are [a](a.md), [b](b.md)".
 */
export interface DerivedTypeStatement {
  /** The page's own type, qualified (`microsoft.graph.educationOutcome`). */
  baseType: string;
  /** The derived type as written: simple or qualified. */
  name: string;
  /** The link that named it, as written: finds the type by its page when the name alone cannot. */
  target?: string;
  place: SourcePlace;
}

/** Everything one page contributes to the model, plus the problems found on it. */
export interface PageResult {
  file: string;
  docType: DocType;
  objects: RawObjectType[];
  enums: EnumTypeDef[];
  /** Checked by the model against the list of pages, which one page cannot see. */
  typeLinks: TypeLink[];
  /** Settled by the model, which knows the derived types' own pages. */
  derivedTypes: DerivedTypeStatement[];
  diagnostics: Diagnostic[];
}

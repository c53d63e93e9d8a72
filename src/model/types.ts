/**
 * The intermediate model: the contract between the reader, the model builder and the emitters.
 * Plain JSON-serializable data only, so it can be cached, sent between worker threads and
 * written out with `--emit-model`.
 */

/** A place in a page: 1-based line and column, as unified reports them. */
export interface SourcePlace {
  file: string;
  line: number;
  column: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** One problem found in the docs, in the vfile message shape flattened to data. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  ruleId: string;
  reason: string;
}

/** The OData primitive types the docs use, by their Edm name without the `Edm.` prefix. */
export type PrimitiveName =
  | 'String' | 'Guid' | 'Date' | 'DateTimeOffset' | 'TimeOfDay' | 'Duration' | 'Binary'
  | 'Int16' | 'Int32' | 'Int64' | 'Byte' | 'SByte' | 'Single' | 'Double' | 'Decimal'
  | 'Boolean' | 'Stream' | 'Untyped';

export type TypeRef =
  | { kind: 'primitive'; name: PrimitiveName }
  /** A named type: fully qualified once the model is built (`microsoft.graph.resultInfo`). */
  | { kind: 'named'; fullName: string };

export interface PropertyDef {
  name: string;
  type: TypeRef;
  collection: boolean;
  nullable: boolean;
  readOnly: boolean;
  key: boolean;
  /** Declared in the Relationships table (a navigation property). */
  navigation: boolean;
  maxLength?: number;
  description: string;
  source: SourcePlace;
}

export interface ObjectTypeDef {
  kind: 'entity' | 'complex';
  /** The OData simple name as the docs spell it (`recordOperation`). */
  name: string;
  namespace: string;
  /** Fully qualified name of the base type. */
  baseType?: string;
  abstract: boolean;
  openType: boolean;
  mediaEntity: boolean;
  description: string;
  properties: PropertyDef[];
  sources: SourcePlace[];
}

export interface EnumMember {
  name: string;
  value?: number;
  description: string;
}

/** Where an enum came from: its own page, a `### xyz values` section, a description list or a JSON block. */
export type EnumOrigin = 'page' | 'section' | 'description' | 'json';

export interface EnumTypeDef {
  kind: 'enum';
  name: string;
  namespace: string;
  origin: EnumOrigin;
  flags: boolean;
  description: string;
  members: EnumMember[];
  sources: SourcePlace[];
}

export type TypeDef = ObjectTypeDef | EnumTypeDef;

/** The whole model of one API version, sorted by namespace then name. */
export interface Model {
  apiVersion: string;
  types: TypeDef[];
}

export const fullNameOf = (type: { namespace: string; name: string }): string =>
  `${type.namespace}.${type.name}`;

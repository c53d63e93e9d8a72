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

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Permission names per kind, least privileged first. `null`: the page says the kind is not
 * supported; `[]`: the page says nothing about it.
 */
export interface Permissions {
  delegatedWork: string[] | null;
  delegatedPersonal: string[] | null;
  application: string[] | null;
}

/** A type an operation takes or returns: a model type, or `unknown` when the page names none the model has. */
export type OperationTypeRef = TypeRef | { kind: 'unknown'; written: string };

export interface ParameterDef {
  name: string;
  type: OperationTypeRef;
  collection: boolean;
  required: boolean;
  description: string;
}

export type RequestBodyDef =
  | { kind: 'type'; type: OperationTypeRef; collection: boolean }
  | { kind: 'parameters'; parameters: ParameterDef[] };

export interface ResponseDef {
  status: number;
  /** null: no body. */
  type: OperationTypeRef | null;
  collection: boolean;
}

/** One (method, path) pair of an api page, with what the page says of it. */
export interface Operation {
  method: HttpMethod;
  /** In the spelling of Graph's own OpenAPI description: `/users/{user-id}/messages/{message-id}`. */
  path: string;
  /** The path parameters in order: their names in `path`, and as the page wrote them. */
  pathParameters: { name: string; written: string }[];
  /** The page's title. */
  summary: string;
  source: SourcePlace;
  /**
   * The request lines of later pages that document the same method and path (each a
   * `duplicate-operation` or `conflicting-operation` diagnostic): their examples call this operation.
   */
  alsoDocumentedAt?: SourcePlace[];
  permissions: Permissions;
  /** OData system query options the page says the method supports, sorted. */
  queryOptions: string[];
  headers: string[];
  /** null: the page says to send no body, or has no Request body section. */
  request: RequestBodyDef | null;
  response: ResponseDef;
}

/** The whole model of one API version: types sorted by namespace then name, operations by path then method. */
export interface Model {
  apiVersion: string;
  types: TypeDef[];
  operations: Operation[];
}

export const fullNameOf = (type: { namespace: string; name: string }): string =>
  `${type.namespace}.${type.name}`;

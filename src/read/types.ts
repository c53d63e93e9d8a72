import type { Diagnostic, EnumTypeDef, HttpMethod, Permissions, PrimitiveName, SourcePlace } from '../model/types.js';

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

/** What a page is: its front matter's doc_type, or `include` for a file under an `includes/` folder. */
export type DocType = 'resource' | 'enum' | 'api' | 'include' | 'conceptual' | 'other';

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
  /** What an api page says about the operations it documents. */
  api?: RawApiPage;
  /** The permission tables of an include page, for the api pages that include it. */
  permissionTables?: RawPermissionTable[];
  diagnostics: Diagnostic[];
}

/** One `METHOD /path` line of a page's HTTP request section, as written. */
export interface RawRequestLine {
  method: HttpMethod;
  /** The path as written, with host, version prefix, query string and trailing comment cut off. */
  path: string;
  /** A query string written into the line, without its `?`. */
  query?: string;
  place: SourcePlace;
}

/** One permissions table; several on a page for several scenarios. */
export interface RawPermissionTable extends Permissions {
  place: SourcePlace;
}

/** A parameter a page documents in a table: of a function in the URL, or of an action's request body. */
export interface RawParameter {
  name: string;
  type: RawTypeRef;
  collection: boolean;
  required: boolean;
  description: string;
  place: SourcePlace;
}

export type RawRequestBody =
  | { kind: 'none'; place: SourcePlace }
  /** "a JSON representation of the [user](../resources/user.md) object". */
  | { kind: 'type'; type: RawTypeRef; collection: boolean; place: SourcePlace }
  /** A table of parameters (an action's, or the properties a PATCH may change). */
  | { kind: 'parameters'; parameters: RawParameter[]; place: SourcePlace };

/** The response as the prose says it: "returns a `200 OK` response code and a [user](...) object". */
export interface RawResponse {
  status: number;
  /** Absent when the prose names no body. */
  type?: RawTypeRef;
  collection: boolean;
  place: SourcePlace;
}

/** A request example (annotation blockType "request") and the first line of its code block. */
export interface RawExampleRequest {
  method: HttpMethod;
  /** The URL as written, host and version included. */
  url: string;
  place: SourcePlace;
}

/** A response example's annotation (blockType "response"). */
export interface RawExampleResponse {
  status?: number;
  /** `@odata.type` as written. */
  type?: string;
  collection: boolean;
  place: SourcePlace;
}

export interface RawApiPage {
  title: string;
  requestLines: RawRequestLine[];
  /** The permissions tables written into the page, in order. */
  permissions: RawPermissionTable[];
  /** `[!INCLUDE [permissions-table](../includes/permissions/x.md)]`: the target as written, relative to the page. */
  permissionIncludes: { target: string; place: SourcePlace }[];
  /** The page has a Permissions section (with or without a table or include). */
  hasPermissionsSection: boolean;
  /** OData system query options the page says the method supports (`$select`, `$filter`, ...). */
  queryOptions: string[];
  /** Request header names from the Request headers table. */
  headers: string[];
  /** A function's parameters, written into the URL. */
  functionParameters: RawParameter[];
  /** Absent when the page has no Request body section. */
  requestBody?: RawRequestBody;
  response?: RawResponse;
  exampleRequests: RawExampleRequest[];
  exampleResponses: RawExampleResponse[];
}

import type { Model, Operation, OperationTypeRef, Permissions } from '../model/types.js';
import { typeText } from './declarations.js';
import { renderHeader } from './header.js';
import { docText } from './jsdoc.js';
import { importLines, ModuleContext } from './module.js';
import { propertyKey, type NameTable } from './naming.js';
import type { Templates } from './templates.js';
import { compareText } from '../compareText.js';

/** The module of every version's operations, and the name other tools import: `<version>/paths`. */
export const PATHS_MODULE = 'paths';

/** The methods of an OpenAPI path item, in the order openapi-typescript 7 writes them. */
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * The TypeScript of each OData system query option. `$select`, `$expand` and `$orderby` are
 * strings (comma-separated lists, as Graph takes them): openapi-fetch sends an array as the key
 * repeated, which Graph refuses. Any other option a page names is a string too.
 */
const QUERY_OPTION_TYPES: Record<string, string> = { $top: 'number', $skip: 'number', $count: 'boolean' };

/** Never a type name: the references from paths.d.ts always go through a namespace import. */
const OWN_NAMESPACE = '#paths';

const COLLECTION_TYPES = `/** A collection as Graph sends it: one page of \`value\`, and the link to the next page while there is one. */
export interface ODataCollection<T> {
    value: T[];
    "@odata.context"?: string;
    "@odata.count"?: number;
    "@odata.nextLink"?: string;
}
/** A single primitive value (a string, a number, a boolean) as Graph sends it. */
export interface ODataValue<T> {
    value: T;
    "@odata.context"?: string;
}
`;

/**
 * `paths.d.ts`: every operation of the version as openapi-typescript 7 writes an OpenAPI
 * description's paths, so that openapi-fetch's `createClient<paths>()` types each call. Types
 * only, in a module of its own: importing a type from the version's entry does not parse it.
 * The nested type literals are laid out here: ts-morph's writer indents a block in a type twice.
 */
export function pathsModule(model: Model, names: NameTable, templates: Templates): string {
  const context = new ModuleContext(OWN_NAMESPACE, names, templates.jsdoc);
  const byPath = new Map<string, Operation[]>();
  for (const operation of model.operations) byPath.set(operation.path, [...(byPath.get(operation.path) ?? []), operation]);
  const items = [...byPath].sort(([a], [b]) => compareText(a, b)).map(([path, operations]) => pathItem(path, operations, context, templates));
  const imports = importLines(context.importedNamespaces('declarations'), names, true);
  const header = renderHeader(templates.header, { apiVersion: model.apiVersion, module: PATHS_MODULE });
  const body = items.length > 0 ? `export interface paths {\n${items.join('')}}\n` : 'export interface paths {\n}\n';
  return `${header}${imports.map((line) => `${line}\n`).join('')}\n${COLLECTION_TYPES}${body}`;
}

function pathItem(path: string, operations: Operation[], context: ModuleContext, templates: Templates): string {
  const byMethod = new Map(operations.map((operation) => [operation.method.toLowerCase(), operation]));
  const lines = [
    `${JSON.stringify(path)}: {`,
    '    parameters: {',
    ...indent(['query?: never;', 'header?: never;', 'path?: never;', 'cookie?: never;'], 2),
    '    };',
    ...METHODS.flatMap((method) => {
      const operation = byMethod.get(method);
      return operation ? indent([...jsdoc(operation, templates), ...operationType(method, operation, context)]) : [`    ${method}?: never;`];
    }),
    '};',
  ];
  return indent(lines).map((line) => `${line}\n`).join('');
}

function operationType(method: string, operation: Operation, context: ModuleContext): string[] {
  return [
    `${method}: {`,
    '    parameters: {',
    ...indent([queryParameters(operation), 'header?: never;', pathParameters(operation), 'cookie?: never;'], 2),
    '    };',
    ...indent(requestBody(operation, context)),
    '    responses: {',
    ...indent(responses(operation, context), 2),
    '    };',
    '};',
  ];
}

function queryParameters(operation: Operation): string {
  if (operation.queryOptions.length === 0) return 'query?: never;';
  const members = operation.queryOptions.map((option) => `${propertyKey(option)}?: ${QUERY_OPTION_TYPES[option.toLowerCase()] ?? 'string'};`);
  return `query?: { ${members.join(' ')} };`;
}

function pathParameters(operation: Operation): string {
  if (operation.pathParameters.length === 0) return 'path?: never;';
  return `path: { ${operation.pathParameters.map((parameter) => `${JSON.stringify(parameter.name)}: string;`).join(' ')} };`;
}

function requestBody(operation: Operation, context: ModuleContext): string[] {
  const { request } = operation;
  if (!request) return ['requestBody?: never;'];
  let body: string;
  if (request.kind === 'type') {
    const element = elementText(request.type, context);
    const single = operation.method === 'PATCH' && element !== 'unknown' ? `Partial<${element}>` : element;
    body = request.collection ? `${single}[]` : single;
  } else {
    const members = request.parameters.map((parameter) => {
      const element = elementText(parameter.type, context);
      return `${propertyKey(parameter.name)}${parameter.required ? '' : '?'}: ${parameter.collection ? `${element}[]` : element};`;
    });
    body = members.length > 0 ? `{ ${members.join(' ')} }` : 'Record<string, never>';
  }
  return ['requestBody: {', '    content: {', `        "application/json": ${body};`, '    };', '};'];
}

function responses(operation: Operation, context: ModuleContext): string[] {
  const { status, type, collection } = operation.response;
  return [
    `${status}: {`,
    '    headers: {',
    '        [name: string]: unknown;',
    '    };',
    ...indent(type === null ? ['content?: never;'] : ['content: {', `    ${JSON.stringify(mediaType(type))}: ${responseText(type, collection, context)};`, '};']),
    '};',
  ];
}

function mediaType(type: OperationTypeRef): string {
  return type.kind === 'primitive' && type.name === 'Stream' ? 'application/octet-stream' : 'application/json';
}

/** A response body: a collection as Graph pages it, a single primitive wrapped as Graph sends it, else the type. */
function responseText(type: OperationTypeRef, collection: boolean, context: ModuleContext): string {
  const element = elementText(type, context);
  if (collection) return `ODataCollection<${element}>`;
  if (type.kind === 'primitive' && element !== 'unknown') return `ODataValue<${element}>`;
  return element;
}

function elementText(type: OperationTypeRef, context: ModuleContext): string {
  return type.kind === 'unknown' ? 'unknown' : typeText(type, context);
}

/** Summary, permissions and page, laid out by the JSDoc template like the declarations' docs. */
function jsdoc(operation: Operation, templates: Templates): string[] {
  const description = `${operation.summary.replace(/\.?\s*$/, '.')} Permissions: ${permissionsText(operation.permissions)}`;
  const text = docText(templates.jsdoc, description, { source: `${operation.source.file}:${operation.source.line}` });
  if (!text) return [];
  const lines = text.split('\n');
  return lines.length === 1 ? [`/** ${lines[0]} */`] : ['/**', ...lines.map((line) => ` * ${line}`.trimEnd()), ' */'];
}

const KIND_NAMES: [keyof Permissions, string][] = [
  ['delegatedWork', 'delegated (work or school account)'],
  ['delegatedPersonal', 'delegated (personal Microsoft account)'],
  ['application', 'application'],
];

function permissionsText(permissions: Permissions): string {
  const said = KIND_NAMES.filter(([kind]) => permissions[kind] === null || permissions[kind]!.length > 0);
  if (said.length === 0) return 'not documented.';
  return `${said.map(([kind, name]) => `${name} ${permissions[kind]?.join(', ') ?? 'not supported'}`).join('; ')}.`;
}

function indent(lines: string[], levels = 1): string[] {
  const prefix = '    '.repeat(levels);
  return lines.map((line) => (line ? prefix + line : line));
}

import type { Model, Operation } from '../model/types.js';
import { CHECKS_SUFFIX, runtimeModuleName } from './guards.js';
import { renderHeader } from './header.js';
import { importLines, ModuleContext } from './module.js';
import type { NameTable } from './naming.js';
import type { SourceFile } from './files.js';
import type { Templates } from './templates.js';

/** The module that checks response bodies, `<version>/responses`: apart from `paths`, which stays types only. */
export const RESPONSES_MODULE = 'responses';

/** Never a type name: references from here always go through a namespace import. */
const OWN_NAMESPACE = '#responses';

/** How Graph wraps a response body: not at all (an object), `{ value: [...] }` (a collection), `{ value: x }` (one primitive). */
type Envelope = 'none' | 'collection' | 'value';

/**
 * `responses.js` and `.d.ts`: a table of every operation whose response type has a guard
 * (method and path template → the type's check), `validateResponse` over it, and
 * `validatingMiddleware`, an openapi-fetch middleware that validates each JSON response and
 * reports the issues. Structural types only: openapi-fetch stays an optional peer dependency.
 */
export function responsesModule(model: Model, names: NameTable, templates: Templates): SourceFile[] {
  const context = new ModuleContext(OWN_NAMESPACE, names, templates.jsdoc);
  const runtime = `./${runtimeModuleName(names)}.js`;
  const entries = model.operations.flatMap((operation) => {
    const check = responseCheck(operation, context);
    return check ? [`    ${JSON.stringify(`${operation.method} ${operation.path}`)}: { check: ${check}, envelope: ${JSON.stringify(envelope(operation))} },`] : [];
  });
  const header = renderHeader(templates.header, { apiVersion: model.apiVersion, module: RESPONSES_MODULE });
  const javascript = [
    header.trimEnd(),
    `import * as $runtime from '${runtime}';`,
    ...importLines(context.importedNamespaces('javascript'), names, false, CHECKS_SUFFIX),
    '',
    '/** Method and path template → the check of the documented response type, and how Graph wraps it. */',
    `const responseChecks = {${entries.length > 0 ? `\n${entries.join('\n')}\n` : ''}};`,
    '',
    ...RESPONSES_JAVASCRIPT,
  ].join('\n');
  const declarations = [
    header.trimEnd(),
    `import type { ValidationIssue, ValidationOptions } from '${runtime}';`,
    '',
    ...RESPONSES_DECLARATIONS,
  ].join('\n');
  return [{ path: `${RESPONSES_MODULE}.js`, content: javascript }, { path: `${RESPONSES_MODULE}.d.ts`, content: declarations }];
}

function envelope(operation: Operation): Envelope {
  const { type, collection } = operation.response;
  return collection ? 'collection' : type?.kind === 'primitive' ? 'value' : 'none';
}

/** The check of the response's type as code here, or undefined when any body goes (none documented, unknown, a stream). */
function responseCheck(operation: Operation, context: ModuleContext): string | undefined {
  const { type } = operation.response;
  if (!type || type.kind === 'unknown') return undefined;
  if (type.kind === 'primitive') return type.name === 'Stream' || type.name === 'Untyped' ? undefined : `$runtime.check${type.name}`;
  const reference = context.reference(type.fullName, 'javascript');
  const dot = reference.lastIndexOf('.');
  return `${reference.slice(0, dot + 1)}check${reference.slice(dot + 1)}`;
}

/** The module's fixed code; without template literals, so that the hostile-input tests can tell page text running as code. */
const RESPONSES_JAVASCRIPT = `/** The table's entry for \`METHOD path\`: own properties only. */
function checkOf(key) {
    return Object.prototype.hasOwnProperty.call(responseChecks, key) ? responseChecks[key] : undefined;
}

/** Checks \`{ value: ... }\` as Graph wraps a collection or a single primitive, the value with \`check\`. */
function wrapped(check, isCollection) {
    return (value, walk) => {
        if (!walk.enterObject(value, 'object with a value')) return;
        if (!Object.prototype.hasOwnProperty.call(value, 'value')) walk.report(isCollection ? 'value: array' : 'value', 'no value');
        walk.openTypeProperties(value, (name, member, inner) => {
            if (name !== 'value') return false;
            if (isCollection) inner.collection(member, check);
            else check(member, inner);
            return true;
        });
        walk.leaveObject();
    };
}

/**
 * Every way \`body\` differs from the response type the docs give for \`method\` and \`path\` (a
 * path template of \`paths\`, such as \`/users/{user-id}\`); undefined when the docs give the
 * operation no type to check against.
 */
export function validateResponse(method, path, body, options) {
    const entry = checkOf(String(method).toUpperCase() + ' ' + path);
    if (entry === undefined) return undefined;
    const { check, envelope } = entry;
    return $runtime.validate(envelope === 'none' ? check : wrapped(check, envelope === 'collection'), body, options);
}

/**
 * An openapi-fetch middleware (\`client.use(validatingMiddleware({ onIssues }))\`) that validates
 * each successful JSON response of a documented operation with \`validateResponse\` and hands
 * the issues to \`onIssues\`; with \`throwOnIssues\` the call rejects with a ValidationError
 * instead of returning the data. The response is left as it is.
 */
export function validatingMiddleware(settings) {
    return {
        async onResponse({ request, schemaPath, response }) {
            const method = request.method.toUpperCase();
            if (!response.ok || response.status === 204 || checkOf(method + ' ' + schemaPath) === undefined) return undefined;
            if (!/\\bjson\\b/i.test(response.headers.get('content-type') ?? '')) return undefined;
            let body;
            try {
                body = await response.clone().json();
            } catch {
                return undefined;
            }
            const issues = validateResponse(method, schemaPath, body, settings);
            if (issues === undefined || issues.length === 0) return undefined;
            if (settings.throwOnIssues) throw new $runtime.ValidationError('response of ' + method + ' ' + schemaPath, issues);
            settings.onIssues?.({ method, path: schemaPath, status: response.status, issues });
            return undefined;
        },
    };
}
`.split('\n');

const RESPONSES_DECLARATIONS = `/** The issues of one response, as \`validatingMiddleware\` reports them. */
export interface ResponseIssues {
    method: string;
    /** The path template, as the call named it: \`/users/{user-id}\`. */
    path: string;
    status: number;
    issues: ValidationIssue[];
}
/** Where the issues go: to \`onIssues\`, or (\`throwOnIssues\`) into a ValidationError the call rejects with. */
export type ValidatingMiddlewareOptions = ValidationOptions & (
    | { onIssues: (report: ResponseIssues) => void; throwOnIssues?: false }
    | { throwOnIssues: true; onIssues?: never }
);
/** The part of an openapi-fetch middleware this one uses; structural, so openapi-fetch stays an optional peer. */
export interface ResponseValidatingMiddleware {
    onResponse(options: {
        request: { method: string };
        schemaPath: string;
        response: {
            ok: boolean;
            status: number;
            headers: { get(name: string): string | null };
            clone(): { json(): Promise<unknown> };
        };
    }): Promise<undefined>;
}
/**
 * Every way \`body\` differs from the response type the docs give for \`method\` and \`path\` (a
 * path template of \`paths\`, such as \`/users/{user-id}\`); undefined when the docs give the
 * operation no type to check against.
 */
export declare function validateResponse(method: string, path: string, body: unknown, options?: ValidationOptions): ValidationIssue[] | undefined;
/**
 * An openapi-fetch middleware (\`client.use(validatingMiddleware({ onIssues }))\`) that validates
 * each successful JSON response of a documented operation with \`validateResponse\` and hands
 * the issues to \`onIssues\`; with \`throwOnIssues\` the call rejects with a ValidationError.
 */
export declare function validatingMiddleware(options: ValidatingMiddlewareOptions): ResponseValidatingMiddleware;
`.split('\n');

import type { Code, Heading, Html, Node, Paragraph, Parent, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Diagnostic, PrimitiveName } from '../model/types.js';
import { parseAnnotation, type Annotation } from './annotation.js';
import { blankExampleSections, type ExampleEvent } from './exampleSections.js';
import { splitFrontMatter } from './frontMatter.js';
import { isGraphUrl, looksLikeRequestLine, readRequestLine, readRequestUrl, requestPathMatcher, splitUrl } from './httpRequest.js';
import { linkDefinitions, linksIn } from './links.js';
import { parseMarkdown } from './markdown.js';
import { quoted } from './names.js';
import { preparePageText } from './pageText.js';
import { malformedReason, readPermissionsTable } from './permissions.js';
import { readResponseSentence } from './responseProse.js';
import { parseTypeCell, primitiveOf, typeNameFromLinkTarget } from './typeCell.js';
import type { PageResult, RawApiPage, RawParameter, RawTypeRef } from './types.js';
import { placeOf, placeWithin, type Place } from './nodePlace.js';

const QUERY_OPTIONS = ['$select', '$filter', '$expand', '$orderby', '$top', '$skip', '$count', '$search', '$format', '$skipToken'];
const QUERY_OPTION = /\$(select|filter|expand|orderby|top|skiptoken|skip|count|search|format)\b/gi;
const NEGATION = /\bnot\b|n't\b|\bunsupported\b/i;
const NO_BODY = /\bdo(?:n't| not)\s+supply\s+a\s+request\s+body|\bno request body\b|\brequest body is not required\b/i;
const JSON_REPRESENTATION = /\bJSON representation of\b/i;
const INCLUDE = /\[!INCLUDE\s*\[([^\]]*)\]\(([^)\s]+)\)\]/gi;
const HEADER_NAME = /^[A-Za-z][\w-]*$/;
const STATUS_LINE = /^\s*HTTP\/[\d.]+\s+(\d{3})\b/;

export interface ApiPageOptions {
  /**
   * Parse the Examples sections with the rest of the page rather than read them by their lines
   * (src/read/exampleSections.ts): what the reader falls back to when their prose may matter, and
   * what the test compares the fast path with.
   */
  parseExamples?: boolean;
}

/** Reads an api page (a method's reference) into what it says of its operations. Never throws on page content. */
export function readApiPage(file: string, text: string, options: ApiPageOptions = {}): PageResult {
  return new ApiPageReader(file, text, options.parseExamples ?? false).read();
}

class ApiPageReader {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly api: RawApiPage = {
    title: '', requestLines: [], permissions: [], permissionIncludes: [], hasPermissionsSection: false,
    queryOptions: [], headers: [], functionParameters: [], exampleRequests: [], exampleResponses: [],
  };
  private body = '';
  private section = '';
  private subsection = '';
  private definitions: ReadonlyMap<string, string> = new Map();
  private pendingExample: { annotation: Annotation; place: Place } | undefined;
  private readonly queryOptions = new Set<string>();
  private permissionsPlace: Place | undefined;
  /** The depth of the open Example(s) heading, whose subheadings ("#### Request") are examples too. */
  private exampleDepth: number | undefined;
  /** What the emptied Examples sections held, replayed in page order between the parsed nodes. */
  private exampleEvents: ExampleEvent[] = [];
  private nextExampleEvent = 0;
  /** Set when prose under an Example's "Response" subheading came while no response was read: only the parser can read it. */
  private responseProseUnread = false;

  constructor(private readonly file: string, private readonly text: string, private readonly parseExamples: boolean) {}

  read(): PageResult {
    const prepared = preparePageText(this.text);
    for (const finding of prepared.findings) this.report(finding, finding.ruleId, finding.reason);
    if (!prepared.text.trim()) {
      this.report({ line: 1, column: 1 }, 'empty-page', 'Page is empty');
      return this.result();
    }
    const { fields, body, unclosed } = splitFrontMatter(prepared.text);
    if (unclosed) this.report({ line: 1, column: 1 }, 'front-matter-unclosed', 'Front matter opens with `---` but never closes');
    const title = fields.title?.trim();
    // Without a title in the front matter, the first depth-1 heading (maybe a tab's, in an example) is the title.
    const examples = this.parseExamples || !title ? { text: body, events: [] } : blankExampleSections(body);
    this.body = examples.text;
    this.exampleEvents = examples.events;
    const tree = parseMarkdown(this.body);
    this.definitions = linkDefinitions(tree);
    const heading = title ? undefined : tree.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
    this.api.title = title || (heading ? toString(heading).trim() : '');
    for (const node of tree.children) {
      this.replayExampleEvents(node.position?.start.line ?? 0);
      this.visit(node);
    }
    this.replayExampleEvents(Infinity);
    if (this.responseProseUnread) return readApiPage(this.file, this.text, { parseExamples: true });
    this.api.queryOptions = QUERY_OPTIONS.filter((option) => this.queryOptions.has(option.toLowerCase()));
    this.checkPermissions();
    this.checkExamples();
    return this.result();
  }

  private result(): PageResult {
    return { file: this.file, docType: 'api', objects: [], enums: [], typeLinks: [], derivedTypes: [], api: this.api, diagnostics: this.diagnostics };
  }

  private visit(node: RootContent): void {
    switch (node.type) {
      case 'heading':
        return this.enterHeading(node);
      case 'paragraph':
        return this.readParagraph(node);
      case 'table':
        return this.readTable(node);
      case 'html':
        return this.readHtml(node);
      case 'code':
        return this.readCode(node);
      case 'list':
      case 'listItem':
      case 'blockquote':
        for (const child of (node as Parent).children) this.visit(child as RootContent);
        return;
      default:
        return;
    }
  }

  private enterHeading(node: Heading): void {
    if (node.depth === 1) return;
    const text = toString(node).trim().toLowerCase();
    if (this.exampleDepth !== undefined && node.depth <= this.exampleDepth) this.exampleDepth = undefined;
    if (this.exampleDepth === undefined && /^examples?\b/.test(text)) this.exampleDepth = node.depth;
    if (node.depth === 2) {
      this.section = text;
      this.subsection = '';
      // Older pages title the section "Prerequisites".
      if (/^(?:permission|prerequisite)/.test(text)) {
        this.api.hasPermissionsSection = true;
        this.permissionsPlace ??= placeOf(node);
      }
    } else {
      this.subsection = text;
    }
  }

  private readParagraph(node: Paragraph): void {
    const markdown = this.rawText(node);
    if (markdown.includes('[!INCLUDE')) this.readIncludes(node, markdown);
    if (this.inSection(/^(?:optional )?query parameters?\b/)) this.readQueryOptions(toString(node));
    else if (this.inSection(/^request body\b/)) this.readRequestBodySentence(node, markdown);
    else if (this.inSection(/^response\b/) && !this.api.response) this.readResponseParagraph(node, markdown);
  }

  private readIncludes(node: Paragraph, markdown: string): void {
    for (const match of markdown.matchAll(INCLUDE)) {
      const [, label, target] = match;
      if (label.toLowerCase() !== 'permissions-table' && !/\/includes\/permissions\//i.test(target)) continue;
      this.api.permissionIncludes.push({ target, place: { file: this.file, ...placeWithin(node, markdown, match.index) } });
    }
  }

  /** The options a sentence says the method supports; "does not support `$expand`" says the opposite. */
  private readQueryOptions(text: string): void {
    for (const sentence of text.split(/(?<=\.)\s+/)) {
      if (NEGATION.test(sentence)) continue;
      for (const match of sentence.matchAll(QUERY_OPTION)) this.queryOptions.add(`$${match[1].toLowerCase()}`);
    }
  }

  private readRequestBodySentence(node: Paragraph, markdown: string): void {
    const place = { file: this.file, ...placeOf(node) };
    const representation = JSON_REPRESENTATION.exec(markdown);
    if (representation && this.api.requestBody?.kind !== 'type') {
      const after = markdown.slice(representation.index);
      const link = linksIn(after, this.definitions).find((candidate) => /\.md(?:#|$)/i.test(candidate.target));
      const name = link && typeNameFromLinkTarget(link.target);
      if (name) {
        const collection = /\bcollection of\b/i.test(after.slice(0, link.offset)) || /^\[[^\]]*\]\([^)]*\)\s+(?:object\s+)?collection\b/i.test(after.slice(link.offset));
        this.api.requestBody = { kind: 'type', type: { kind: 'unresolved', name }, collection, place };
        return;
      }
    }
    if (NO_BODY.test(markdown) && !this.api.requestBody) this.api.requestBody = { kind: 'none', place };
  }

  private readResponseParagraph(node: Paragraph, markdown: string): void {
    const sentence = readResponseSentence(markdown);
    if (!sentence) return;
    const place = { file: this.file, ...placeWithin(node, markdown, sentence.offset) };
    this.api.response = sentence.type
      ? { status: sentence.status, type: sentence.type, collection: sentence.collection, place }
      : { status: sentence.status, collection: false, place };
  }

  private readTable(table: Table): void {
    const header = (table.children[0]?.children ?? []).map((cell) => toString(cell).trim());
    const bodyRows = table.children.slice(1);
    const permissions = readPermissionsTable(header, bodyRows.map((row) => row.children.map((cell) => toString(cell))));
    if (permissions) {
      for (const { permissions: read, row } of permissions.scenarios) {
        this.api.permissions.push({ ...read, place: { file: this.file, ...placeOf(permissions.scenarios.length > 1 ? bodyRows[row] : table) } });
      }
      for (const { name, row } of permissions.malformed) this.report(placeOf(bodyRows[row]), 'permission-name-malformed', malformedReason(name));
      return;
    }
    const lowerHeader = header.map((cell) => cell.toLowerCase());
    if (this.inSection(/^request headers?\b/)) return this.readHeaders(table);
    const typeColumn = lowerHeader.findIndex((cell) => cell === 'type' || cell === 'data type' || cell === 'value type');
    if (typeColumn <= 0 || !/^(?:parameter|parameters|property|properties|name|parameter name|property name)$/.test(lowerHeader[0])) return;
    if (this.inSection(/^(?:function )?parameters$/)) {
      this.api.functionParameters.push(...this.readParameters(table, lowerHeader, typeColumn));
    } else if (this.inSection(/^request body\b/) && this.api.requestBody?.kind !== 'type') {
      const parameters = this.readParameters(table, lowerHeader, typeColumn);
      const existing = this.api.requestBody?.kind === 'parameters' ? this.api.requestBody.parameters : [];
      if (parameters.length > 0) this.api.requestBody = { kind: 'parameters', parameters: [...existing, ...parameters], place: { file: this.file, ...placeOf(table) } };
    }
  }

  private readHeaders(table: Table): void {
    for (const row of table.children.slice(1)) {
      const name = toString(row.children[0] ?? { type: 'text', value: '' }).trim();
      if (HEADER_NAME.test(name)) this.api.headers.push(name);
    }
  }

  /** A parameters table's rows: required from a Required column, else from "Required."/"Optional." in the description. */
  private readParameters(table: Table, header: string[], typeColumn: number): RawParameter[] {
    const descriptionColumn = header.findIndex((cell) => cell.startsWith('description'));
    const requiredColumn = header.findIndex((cell) => /^(?:required|optional)\b/.test(cell));
    const parameters: RawParameter[] = [];
    for (const row of table.children.slice(1)) {
      const name = toString(row.children[0] ?? { type: 'text', value: '' }).trim().replace(/\s*\(.*\)$/, '');
      if (!/^[A-Za-z_@$][\w.@-]*$/.test(name)) continue;
      const typeCell = row.children[typeColumn];
      const parsed = typeCell ? parseTypeCell(this.rawText(typeCell).replace(/^\s*\|/, '').replace(/(?<!\\)\|\s*$/, '')) : undefined;
      const description = descriptionColumn > 0 && row.children[descriptionColumn] ? toString(row.children[descriptionColumn]).trim() : '';
      const requiredCell = requiredColumn > 0 && row.children[requiredColumn] ? toString(row.children[requiredColumn]).trim() : undefined;
      const required = requiredCell !== undefined
        ? /^(?:yes|true|required|y|✓)\b/i.test(requiredCell) !== (header[requiredColumn].startsWith('optional'))
        : /\brequired\b/i.test(description) && !/\boptional\b/i.test(description);
      parameters.push({
        name,
        type: parsed?.type ?? { kind: 'primitive', name: 'Untyped' },
        collection: parsed?.collection ?? false,
        required,
        description,
        place: { file: this.file, ...placeOf(row) },
      });
    }
    return parameters;
  }

  private readHtml(node: Html): void {
    const annotation = parseAnnotation(node.value);
    if (annotation?.blockType === 'request' || annotation?.blockType === 'response') this.pendingExample = { annotation, place: placeOf(node) };
  }

  private replayExampleEvents(beforeLine: number): void {
    for (; this.nextExampleEvent < this.exampleEvents.length; this.nextExampleEvent++) {
      const event = this.exampleEvents[this.nextExampleEvent];
      if (event.line >= beforeLine) return;
      if (event.kind === 'annotation') {
        this.pendingExample = { annotation: event.annotation, place: { line: event.line, column: event.column } };
      } else if (event.kind === 'code') {
        // In an Examples section, a code block is only ever an example's.
        const example = this.pendingExample;
        this.pendingExample = undefined;
        if (example) this.readExample(example, event.firstLine, event.line);
      } else if (!this.api.response) {
        this.responseProseUnread = true;
      }
    }
  }

  private readCode(node: Code): void {
    const example = this.pendingExample;
    this.pendingExample = undefined;
    if (example) this.readExample(example, node.value.split('\n').find((line) => line.trim()) ?? '', placeOf(node).line);
    // A page that documents several ways to call (drive-get.md, drive-list.md) may show each as a
    // request example in a section of its own, with or without a "### HTTP request" heading.
    const inRequestSection = this.inSection(/^http requests?\b/);
    if (!example && inRequestSection) return this.readRequestBlock(node);
    if (example?.annotation.blockType === 'request' && this.section !== '' && this.exampleDepth === undefined) this.readRequestBlock(node);
  }

  private readRequestBlock(node: Code): void {
    const first = placeOf(node).line + 1;
    node.value.split('\n').forEach((line, index) => {
      const place = { line: first + index, column: 1 + (/^\s*/.exec(line)?.[0].length ?? 0) };
      const read = readRequestLine(line);
      if (read) {
        this.api.requestLines.push({ ...read, place: { file: this.file, ...place } });
      } else if (looksLikeRequestLine(line)) {
        this.report(place, 'request-line-unreadable', `Line ${quoted(line.trim())} of the HTTP request block is no \`METHOD /path\` request line`);
      }
    });
  }

  /** An example from its annotation and the first non-blank line of the code block after it, whose opening fence is on `fenceLine`. */
  private readExample({ annotation, place }: { annotation: Annotation; place: Place }, firstLine: string, fenceLine: number): void {
    const codePlace = { file: this.file, line: fenceLine + 1, column: 1 };
    if (annotation.blockType === 'request') {
      const request = readRequestUrl(firstLine);
      if (request) this.api.exampleRequests.push({ ...request, place: codePlace });
      return;
    }
    const status = STATUS_LINE.exec(firstLine)?.[1];
    this.api.exampleResponses.push({
      ...(status ? { status: Number(status) } : {}),
      ...(annotation.odataType ? { type: annotation.odataType } : {}),
      collection: annotation.isCollection,
      place: { file: this.file, ...place },
    });
  }

  private checkPermissions(): void {
    const { requestLines, permissions, permissionIncludes } = this.api;
    if (requestLines.length === 0 || permissions.length > 0 || permissionIncludes.length > 0) return;
    this.report(this.permissionsPlace ?? requestLines[0].place, 'no-permissions',
      this.permissionsPlace ? 'Permissions section has no permissions table or include' : 'Page documents a request but no permissions');
  }

  private checkExamples(): void {
    if (this.api.requestLines.length > 0) {
      const matchesRequestLine = requestPathMatcher(this.api.requestLines.map((line) => line.path));
      for (const example of this.api.exampleRequests) {
        if (!isGraphUrl(example.url) || matchesRequestLine(splitUrl(example.url).path) !== undefined) continue;
        this.report(example.place, 'example-url-unmatched', `Example request ${quoted(`${example.method} ${example.url}`)} matches no HTTP request line of the page`);
      }
    }
    const prose = this.api.response;
    if (!prose?.type) return;
    const proseKey = typeKey(prose.type);
    for (const example of this.api.exampleResponses) {
      if (!example.type || (example.status !== undefined && (example.status < 200 || example.status > 299))) continue;
      const annotated = annotatedType(example.type, example.collection);
      // A report page shows its CSV form as a stream beside the JSON form the prose names.
      if (annotated.key === 'edm.stream' && proseKey !== 'edm.stream') continue;
      if (!typesDisagree(proseKey, annotated.key) && prose.collection === annotated.collection) continue;
      const written = (type: string, collection: boolean) => (collection ? `a collection of ${type}` : type);
      this.report(example.place, 'response-type-mismatch',
        `Response example is annotated ${written(example.type, annotated.collection)} where the Response section says ${written(prose.type.name, prose.collection)}`);
    }
  }

  private inSection(pattern: RegExp): boolean {
    return pattern.test(this.section) || pattern.test(this.subsection);
  }

  private rawText(node: Node): string {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined ? toString(node) : this.body.slice(start, end);
  }

  private report(place: Place, ruleId: string, reason: string): void {
    this.diagnostics.push({ file: this.file, line: place.line, column: place.column, severity: 'warning', ruleId, reason });
  }
}

/** A type compared without its namespace or case: `microsoft.graph.user` is the prose's `user`, `Edm.String` its `String`. */
function typeKey(type: RawTypeRef): string {
  return type.kind === 'primitive' ? `edm.${type.name.toLowerCase()}` : type.name.replace(/^.*\./, '').toLowerCase();
}

/**
 * Whether two types surely differ. Two named types may be a base and a type derived from it (the
 * prose says `directoryObject`, the example shows a `group`), which one page cannot tell: that is
 * the model's to check, with every page's inheritance. So only a primitive against another
 * primitive or a named type counts here.
 */
function typesDisagree(prose: string, annotated: string): boolean {
  return prose !== annotated && (prose.startsWith('edm.') || annotated.startsWith('edm.'));
}

function annotatedType(written: string, isCollection: boolean): { key: string; collection: boolean } {
  const inner = /^Collection\((.*)\)$/i.exec(written)?.[1];
  const name = inner ?? written;
  const primitive: PrimitiveName | undefined = /^Edm\.|^[^.]+$/i.test(name) ? primitiveOf(name) : undefined;
  return { key: primitive ? `edm.${primitive.toLowerCase()}` : name.replace(/^.*\./, '').toLowerCase(), collection: isCollection || inner !== undefined };
}

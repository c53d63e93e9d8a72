import type { Code, Heading, Html, Node, Paragraph, Root, RootContent, Table, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Diagnostic, EnumMember, EnumTypeDef, Severity } from '../model/types.js';
import { parseAnnotation, type Annotation } from './annotation.js';
import { readDescription } from './description.js';
import { splitFrontMatter } from './frontMatter.js';
import { baseTypeNamedIn } from './inheritance.js';
import { readJsonMembers } from './jsonBlock.js';
import { parseMarkdown } from './markdown.js';
import { parseTypeCell } from './typeCell.js';
import type { DocType, PageResult, RawObjectType, RawProperty } from './types.js';

const DEFAULT_NAMESPACE = 'microsoft.graph';
const IDENTIFIER = /^[A-Za-z_]\w*$/;
/** Subsections of Properties that describe a nested structure or an example, not the type ("Properties of a token issuance policy definition"). */
const FOREIGN_TABLE_SUBSECTION = /^(?:properties of|example)\b/i;
/** "This is an open type", "hence this is an [open type](...)", "It is an OData open type". */
const OPEN_TYPE = /\bis an?\s+(?:OData\s+)?\[?open type\b/i;

/** Reads one docs page into the types it defines. Never throws on page content. */
export function readPage(file: string, text: string): PageResult {
  return new PageReader(file, text).read();
}

interface Place { line: number; column: number }

/** A row's cells and its description twice: as text for documentation, as written for reading facts. */
interface PropertyRow { cells: TableCell[]; description: string; descriptionMarkdown: string }

class PageReader {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly objects: RawObjectType[] = [];
  private readonly enums: EnumTypeDef[] = [];
  private body = '';
  private namespace = DEFAULT_NAMESPACE;
  private title = '';
  private titlePlace: Place = { line: 1, column: 1 };
  private section = '';
  private subsection = '';
  private pendingAnnotation: { annotation: Annotation; place: Place } | undefined;
  private tableRows: RawProperty[] = [];
  private tablePlace: Place | undefined;
  private inheritsFrom: string | undefined;
  private saysOpenType = false;
  private description = '';

  constructor(private readonly file: string, private readonly text: string) {}

  read(): PageResult {
    const { fields, body, unclosed } = splitFrontMatter(this.text);
    if (unclosed) this.report({ line: 1, column: 1 }, 'front-matter-unclosed', 'Front matter opens with `---` but never closes', 'warning');
    this.body = body;
    const docType = docTypeOf(fields.doc_type);
    if (docType === 'conceptual') return this.result(docType);
    const tree = parseMarkdown(body);
    this.namespace = namespaceOf(tree) ?? DEFAULT_NAMESPACE;
    const title = titleOf(tree);
    this.title = title ? toString(title).trim() : '';
    if (title) this.titlePlace = placeOf(title);
    for (const node of tree.children) this.visit(node, docType);
    this.finishPrimaryObject(docType);
    return this.result(docType);
  }

  private result(docType: DocType): PageResult {
    return { file: this.file, docType, objects: this.objects, enums: this.enums, diagnostics: this.diagnostics };
  }

  private visit(node: RootContent, docType: DocType): void {
    switch (node.type) {
      case 'heading':
        return this.enterHeading(node);
      case 'paragraph':
        return this.readParagraph(node);
      case 'table':
        return this.readTable(node, docType);
      case 'html':
        return this.readHtml(node);
      case 'code':
        return this.readCode(node);
      default:
        return;
    }
  }

  private enterHeading(node: Heading): void {
    const text = toString(node).trim();
    if (node.depth === 1) return;
    if (node.depth === 2) {
      this.section = text.toLowerCase();
      this.subsection = '';
    } else {
      this.subsection = text;
    }
  }

  private readParagraph(node: Paragraph): void {
    const text = toString(node);
    if (!this.inheritsFrom && this.tableRows.length === 0) this.inheritsFrom = baseTypeNamedIn(this.rawText(node));
    if (OPEN_TYPE.test(text)) this.saysOpenType = true;
    if (!this.description && !this.section && !/^namespace:/i.test(text.trim()) && !text.startsWith('[!')) {
      this.description = text.trim();
    }
  }

  private readHtml(node: Html): void {
    const annotation = parseAnnotation(node.value);
    if (!annotation || annotation.blockType !== 'resource') return;
    const place = placeOf(node);
    if (!annotation.validJson) this.report(place, 'invalid-annotation', 'Annotation is not valid JSON; its fields were read one by one', 'warning');
    if (!annotation.odataType) {
      this.report(place, 'annotation-without-type', 'Resource annotation names no `@odata.type`', 'warning');
      return;
    }
    this.pendingAnnotation = { annotation, place };
  }

  private readCode(node: Code): void {
    const pending = this.pendingAnnotation;
    this.pendingAnnotation = undefined;
    if (!pending || (node.lang && !/^(json|javascript|js|http)$/i.test(node.lang))) return;
    const object = this.objectFor(pending.annotation, pending.place);
    const codeLine = placeOf(node).line + 1;
    for (const member of readJsonMembers(node.value)) {
      // Instance annotations (`@odata.type`) and sample keys of dynamic members (`String-value`, GUIDs) are no properties.
      if (!IDENTIFIER.test(member.name)) continue;
      const existing = object.properties.find((property) => sameName(property.name, member.name));
      const place = { file: this.file, line: codeLine + member.line, column: 1 };
      if (existing) {
        existing.inJson = true;
        if (existing.name !== member.name) {
          this.reportNameMismatch(place, member.name, existing.name);
          existing.name = likelierSpelling(member.name, existing.name);
        }
        if (member.enumValues && member.enumValues.length > 1 && !existing.inlineEnum) {
          existing.inlineEnum = { values: member.enumValues, origin: 'json', place };
        }
        continue;
      }
      // An open type's JSON shows sample dynamic members; only its tables declare properties.
      if (object.openType) continue;
      object.properties.push({
        name: member.name,
        type: member.type ?? { kind: 'primitive', name: 'Untyped' },
        collection: member.collection,
        readOnly: false,
        notNullable: false,
        navigation: false,
        description: '',
        inTable: false,
        inJson: true,
        source: place,
        ...(member.enumValues && member.enumValues.length > 1 ? { inlineEnum: { values: member.enumValues, origin: 'json' as const, place } } : {}),
      });
    }
  }

  /** The first resource annotation of a page owns its tables; later ones only bring JSON. */
  private objectFor(annotation: Annotation, place: Place): RawObjectType {
    const fullName = annotation.odataType!;
    const { namespace, name } = splitName(fullName, this.namespace);
    let object = this.objects.find((candidate) => candidate.name === name && candidate.namespace === namespace);
    if (!object) {
      const isPrimary = this.objects.length === 0;
      object = {
        name,
        namespace,
        baseType: annotation.baseType,
        abstract: annotation.abstract,
        openType: annotation.openType || (isPrimary && this.saysOpenType),
        mediaEntity: annotation.mediaEntity,
        keyProperty: annotation.keyProperty,
        description: isPrimary ? this.description : '',
        properties: isPrimary ? this.tableRows : [],
        hasPropertiesTable: isPrimary && this.tablePlace !== undefined,
        source: { file: this.file, line: place.line, column: place.column },
      };
      if (isPrimary && !object.baseType) object.baseType = this.proseBaseTypeOf(name);
      this.objects.push(object);
    }
    return object;
  }

  /** Prose that names the page's own type as a base speaks of its derived types ("x types inherit from x"). */
  private proseBaseTypeOf(name: string): string | undefined {
    const base = this.inheritsFrom;
    return base && base.replace(/^.*\./, '').toLowerCase() !== name.toLowerCase() ? base : undefined;
  }

  /**
   * A resource page without a usable annotation still defines the type its "xyz resource type"
   * title names, even when it lists no properties ("Properties: None", abstract base types).
   */
  private finishPrimaryObject(docType: DocType): void {
    if (this.objects.length > 0 || docType !== 'resource') return;
    const name = /^([A-Za-z_][\w.]*)\s+(?:resource|complex|entity)\b/i.exec(this.title)?.[1];
    if (!name) {
      if (this.tablePlace) this.report(this.tablePlace, 'untitled-type', 'Properties table on a page whose type cannot be named (no annotation, no "xyz resource type" title)', 'warning');
      return;
    }
    const { namespace, name: simple } = splitName(name, this.namespace);
    const place = this.tablePlace ?? this.titlePlace;
    this.report(place, 'missing-annotation', `Page defines '${simple}' without a resource annotation`, 'info');
    this.objects.push({
      name: simple, namespace, baseType: this.proseBaseTypeOf(simple), abstract: false, openType: this.saysOpenType, mediaEntity: false,
      description: this.description, properties: this.tableRows, hasPropertiesTable: this.tablePlace !== undefined,
      source: { file: this.file, ...place },
    });
  }

  private readTable(table: Table, docType: DocType): void {
    const header = (table.children[0]?.children ?? []).map((cell) => toString(cell).trim().toLowerCase());
    const first = header[0] ?? '';
    const typeColumn = header.findIndex((cell) => cell === 'type' || cell === 'data type' || cell === 'value type');
    if (typeColumn > 0 && /^(property|properties|property name|name|relationship|relationships|relationship name|navigation property)$/.test(first)) {
      if (FOREIGN_TABLE_SUBSECTION.test(this.subsection)) return;
      return this.readPropertyTable(table, header, typeColumn);
    }
    const enumContext = this.section === 'members' || /\bvalues?$/i.test(this.subsection) || docType === 'enum';
    if (enumContext && /^(member|members|name|value|values|enum value|member name)$/.test(first) && typeColumn < 0) {
      return this.readEnumTable(table, header);
    }
  }

  private readPropertyTable(table: Table, header: string[], typeColumn: number): void {
    const navigation = this.section.startsWith('relationship') || header[0].startsWith('relationship') || header[0] === 'navigation property';
    const descriptionColumn = header.findIndex((cell) => cell.startsWith('description'));
    this.tablePlace ??= placeOf(table);
    for (const row of this.propertyRows(table, header, descriptionColumn)) this.readPropertyRow(row, typeColumn, navigation);
  }

  /**
   * The rows as the author meant them: group headings (`|**Device configuration**|`) are
   * dropped, and a line without a leading pipe that has too few cells is the rest of the
   * previous row's description (a line break inside a cell), not a row of its own.
   */
  private propertyRows(table: Table, header: string[], descriptionColumn: number): PropertyRow[] {
    const rows: PropertyRow[] = [];
    for (const row of table.children.slice(1)) {
      const cells = row.children;
      if (isGroupHeading(cells)) continue;
      const previous = rows.at(-1);
      if (previous && cells.length < header.length && !this.rawText(row).trimStart().startsWith('|')) {
        this.report(placeOf(row), 'table-row-broken', 'Line continues the previous row: a cell holds a line break', 'warning');
        previous.description = `${previous.description} ${toString(row).trim()}`.trim();
        previous.descriptionMarkdown = `${previous.descriptionMarkdown} ${cellMarkdown(this.rawText(row))}`;
        continue;
      }
      if (cells.length !== header.length) {
        this.report(placeOf(row), 'table-cell-count', `Row has ${cells.length} cells, the header has ${header.length}`, 'warning');
      }
      const descriptionCell = descriptionColumn > 0 ? cells[descriptionColumn] : undefined;
      rows.push({
        cells,
        description: descriptionCell ? toString(descriptionCell).trim() : '',
        descriptionMarkdown: descriptionCell ? cellMarkdown(this.rawText(descriptionCell)) : '',
      });
    }
    return rows;
  }

  private readPropertyRow({ cells, description, descriptionMarkdown }: PropertyRow, typeColumn: number, navigation: boolean): void {
    const nameCell = cells[0];
    if (!nameCell) return;
    const name = propertyName(toString(nameCell));
    if (name === undefined) {
      if (toString(nameCell).trim()) this.report(placeOf(nameCell), 'invalid-property-name', `Cannot read a property name from '${toString(nameCell).trim().slice(0, 80)}'`, 'warning');
      return;
    }
    const typeCell = cells[typeColumn];
    const parsed = typeCell ? parseTypeCell(cellMarkdown(this.rawText(typeCell))) : undefined;
    const place = placeOf(nameCell);
    if (!parsed) {
      this.report(typeCell ? placeOf(typeCell) : place, 'unknown-type', `Property '${name}' has no readable type`, 'warning');
    }
    const facts = readDescription(descriptionMarkdown);
    const earlier = this.tableRows.findIndex((property) => sameName(property.name, name));
    if (earlier >= 0 && this.tableRows[earlier].inTable) {
      this.report(place, 'duplicate-property', `Property '${name}' is listed twice`, 'warning');
      return;
    }
    const fromJson = earlier >= 0 ? this.tableRows[earlier] : undefined;
    if (fromJson && fromJson.name !== name) this.reportNameMismatch(fromJson.source, fromJson.name, name);
    const property: RawProperty = {
      name: fromJson ? likelierSpelling(fromJson.name, name) : name,
      type: parsed?.type ?? { kind: 'primitive', name: 'Untyped' },
      collection: parsed?.collection ?? false,
      readOnly: facts.readOnly,
      notNullable: facts.notNullable,
      navigation,
      description,
      inTable: true,
      inJson: false,
      source: { file: this.file, ...place },
    };
    const maxLength = parsed?.maxLength ?? facts.maxLength;
    if (maxLength !== undefined) property.maxLength = maxLength;
    if (facts.inheritedFrom) property.inheritedFrom = facts.inheritedFrom;
    if (facts.possibleValues) property.inlineEnum = { values: facts.possibleValues, origin: 'description', place: property.source };
    if (fromJson) {
      property.inJson = true;
      if (!property.inlineEnum && fromJson.inlineEnum) property.inlineEnum = fromJson.inlineEnum;
      this.tableRows[earlier] = property;
    } else {
      this.tableRows.push(property);
    }
  }

  private readEnumTable(table: Table, header: string[]): void {
    const nameColumn = header.findIndex((cell) => /^(member|members|name|member name)$/.test(cell));
    const memberColumn = nameColumn >= 0 ? nameColumn : 0;
    const valueColumn = header.findIndex((cell, index) => index !== memberColumn && /value/.test(cell));
    const descriptionColumn = header.findIndex((cell) => cell.startsWith('description'));
    const members: EnumMember[] = [];
    for (const row of table.children.slice(1)) {
      const name = propertyName(toString(row.children[memberColumn] ?? { type: 'text', value: '' }));
      if (!name || !/^[A-Za-z_]\w*$/.test(name)) continue;
      const rawValue = valueColumn >= 0 ? toString(row.children[valueColumn] ?? { type: 'text', value: '' }).trim() : '';
      const description = descriptionColumn >= 0 && row.children[descriptionColumn] ? toString(row.children[descriptionColumn]).trim() : '';
      members.push(/^-?\d+$/.test(rawValue) ? { name, value: Number(rawValue), description } : { name, description });
    }
    if (members.length === 0) return;
    const sectionName = /^`?([A-Za-z_][\w.]*)`?\s+values?$/i.exec(this.subsection)?.[1];
    const pageName = /^([A-Za-z_][\w.]*)\s+enum(?:eration)?\s+type\b/i.exec(this.title)?.[1];
    const qualified = sectionName ?? pageName;
    if (!qualified) {
      this.report(placeOf(table), 'unnamed-enum', 'Members table whose enum cannot be named', 'warning');
      return;
    }
    const { namespace, name } = splitName(qualified, this.namespace);
    const place = placeOf(table);
    this.enums.push({
      kind: 'enum', name, namespace, origin: sectionName ? 'section' : 'page',
      flags: false, description: sectionName ? '' : this.description, members,
      sources: [{ file: this.file, ...place }],
    });
  }

  private rawText(node: Node): string {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined ? toString(node) : this.body.slice(start, end);
  }

  private reportNameMismatch(jsonPlace: Place, jsonName: string, tableName: string): void {
    this.report(jsonPlace, 'property-name-mismatch', `JSON representation spells '${jsonName}' where the properties table has '${tableName}'`, 'warning');
  }

  private report(place: Place, ruleId: string, reason: string, severity: Severity): void {
    this.diagnostics.push({ file: this.file, line: place.line, column: place.column, severity, ruleId, reason });
  }
}

function docTypeOf(value: string | undefined): DocType {
  if (!value) return 'other';
  if (/^resource/i.test(value)) return 'resource';
  if (/^enum/i.test(value)) return 'enum';
  if (/^conceptual/i.test(value)) return 'conceptual';
  return 'other';
}

function namespaceOf(tree: Root): string | undefined {
  for (const node of tree.children.slice(0, 12)) {
    if (node.type !== 'paragraph') continue;
    const match = /^\s*namespace:\s*`?(microsoft\.graph(?:\.[A-Za-z_]\w*)*)/i.exec(toString(node));
    if (match) return match[1];
  }
  return undefined;
}

function titleOf(tree: Root): Heading | undefined {
  return tree.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
}

/** `microsoft.graph.callRecords.session` → namespace and simple name; simple names take the page's namespace. */
export function splitName(name: string, pageNamespace: string): { namespace: string; name: string } {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return { namespace: pageNamespace, name };
  const namespace = name.slice(0, dot);
  return { namespace: namespace.startsWith('microsoft.graph') ? namespace : `microsoft.graph.${namespace}`, name: name.slice(dot + 1) };
}

/**
 * Of a property's JSON and table spellings (names are case-sensitive, so one is wrong): the
 * lowerCamelCase one, as Graph names properties so; else the JSON one, as the blocks are mostly
 * written from the schema.
 */
function likelierSpelling(jsonName: string, tableName: string): string {
  const lowerCamel = (name: string) => /^[a-z]/.test(name);
  return lowerCamel(jsonName) || !lowerCamel(tableName) ? jsonName : tableName;
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** A cell's markdown without the pipes that delimit it. */
function cellMarkdown(raw: string): string {
  return raw.replace(/^\s*\|/, '').replace(/(?<!\\)\|\s*$/, '').trim();
}

/** A row whose only content is one bold phrase titles the rows below it (intune pages group properties so). */
function isGroupHeading(cells: TableCell[]): boolean {
  const [first, ...rest] = cells;
  return first?.children.length === 1 && first.children[0].type === 'strong' && rest.every((cell) => !toString(cell).trim());
}

/** The property name in a name cell: `**id**`, `id (deprecated)`, `` `@odata.type` `` all give the bare name. */
function propertyName(text: string): string | undefined {
  return /^[\s*_`]*([@A-Za-z_][\w@.-]*)/.exec(text)?.[1];
}

function placeOf(node: { position?: { start: { line: number; column: number } } }): Place {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

import type { Code, Heading, Html, List, Node, Paragraph, Root, RootContent, Table, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Diagnostic, EnumMember, EnumTypeDef, Severity } from '../model/types.js';
import { parseAnnotation, type Annotation } from './annotation.js';
import { DERIVED_TYPES_HEADING, derivedTypeAtStart, derivedTypesNamedIn, type DerivedTypeMention } from './derivedTypes.js';
import { readDescription } from './description.js';
import { showsFlags } from './flagsEnum.js';
import { splitFrontMatter } from './frontMatter.js';
import { baseTypeNamedIn } from './inheritance.js';
import { commaJoinedValues, readJsonMembers, type CommaJoinedValue, type JsonMember } from './jsonBlock.js';
import { propertiesNotInJson, sameValues } from './jsonAndTable.js';
import { linkDefinitions, linksIn } from './links.js';
import { parseMarkdown } from './markdown.js';
import { isTypeName, ODATA_IDENTIFIER, quoted, readNameCell } from './names.js';
import { preparePageText } from './pageText.js';
import { parseTypeCell } from './typeCell.js';
import type { DerivedTypeStatement, DocType, InlineEnum, PageResult, RawObjectType, RawProperty, TypeLink } from './types.js';
import { placeOf, placeWithin, type Place } from './nodePlace.js';

const DEFAULT_NAMESPACE = 'microsoft.graph';
/** Subsections of Properties that describe a nested structure or an example, not the type ("Properties of a token issuance policy definition"). */
const FOREIGN_TABLE_SUBSECTION = /^(?:properties of|example)\b/i;
/** "This is an open type", "hence this is an [open type](...)", "It is an OData open type". */
const OPEN_TYPE = /\bis an?\s+(?:OData\s+)?\[?open type\b/i;
const TABLE_ROW = /^\s*\|.*\|/;
const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

/** Reads one docs page into the types it defines. Never throws on page content. */
export function readResourcePage(file: string, text: string): PageResult {
  return new PageReader(file, text).read();
}

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
  /** Positions in tableRows by lower-cased name: a page may hold thousands of rows. */
  private readonly rowPositions = new Map<string, number>();
  private tablePlace: Place | undefined;
  /** The base type a sentence names ("Inherits from [entity](entity.md)"), and where. */
  private inheritsFrom: { name: string; place: Place } | undefined;
  private saysOpenType = false;
  /** The Properties section has prose, which may say instead of a table what the properties are. */
  private propertiesSectionHasProse = false;
  /** Lines that look like a table but lack the header separator, so the parser read them as text. */
  private sawTableWithoutSeparator = false;
  /** An annotation named a type that cannot be one: the page defines nothing, not even by its title. */
  private rejectedAnnotation = false;
  private primaryAnnotation: { annotation: Annotation; place: Place } | undefined;
  /** The JSON representations, by the type each shows; merged once the tables are read. */
  private readonly jsonBlocks: { object: RawObjectType; members: JsonMember[]; combined: CommaJoinedValue[]; firstLine: number }[] = [];
  private definitions: ReadonlyMap<string, string> = new Map();
  private readonly typeLinks: TypeLink[] = [];
  /** Types the page names as derived from its own type, which is known only once the page is read. */
  private readonly derivedMentions: { mention: DerivedTypeMention; place: Place }[] = [];
  /** A sentence ended "... the derived types are:", so the next list or table names them. */
  private derivedListFollows = false;
  /** The nodes since the last heading: a values table's own text is theirs. */
  private sectionNodes: RootContent[] = [];
  /** Enums of values tables since the last heading, whose flags their section's text decides. */
  private sectionEnums: EnumTypeDef[] = [];
  private description = '';

  constructor(private readonly file: string, private readonly text: string) {}

  read(): PageResult {
    const prepared = preparePageText(this.text);
    for (const finding of prepared.findings) this.report(finding, finding.ruleId, finding.reason, 'warning');
    if (!prepared.text.trim()) {
      this.report({ line: 1, column: 1 }, 'empty-page', 'Page is empty', 'warning');
      return this.result('other');
    }
    const { fields, body, unclosed } = splitFrontMatter(prepared.text);
    if (unclosed) this.report({ line: 1, column: 1 }, 'front-matter-unclosed', 'Front matter opens with `---` but never closes', 'warning');
    this.body = body;
    const docType = docTypeOf(fields.doc_type);
    if (docType === 'conceptual') return this.result(docType);
    const tree = parseMarkdown(body);
    this.definitions = linkDefinitions(tree);
    this.namespace = namespaceOf(tree) ?? DEFAULT_NAMESPACE;
    const title = titleOf(tree);
    this.title = title ? toString(title).trim() : '';
    if (title) this.titlePlace = placeOf(title);
    for (const node of tree.children) this.visit(node, docType);
    this.finishSectionEnums();
    this.settleAnnotatedObject();
    this.finishPrimaryObject(docType);
    this.mergeJsonBlocks();
    this.compareJsonWithTables();
    return this.result(docType);
  }

  private result(docType: DocType): PageResult {
    return {
      file: this.file, docType, objects: this.objects, enums: this.enums, typeLinks: this.typeLinks,
      derivedTypes: this.derivedTypeStatements(), diagnostics: this.diagnostics,
    };
  }

  private derivedTypeStatements(): DerivedTypeStatement[] {
    const own = this.objects[0];
    if (!own) return [];
    return this.derivedMentions.map(({ mention, place }) => ({
      baseType: `${own.namespace}.${own.name}`,
      name: mention.name,
      ...(mention.target !== undefined ? { target: mention.target } : {}),
      place: { file: this.file, ...place },
    }));
  }

  private visit(node: RootContent, docType: DocType): void {
    if (node.type !== 'heading') this.sectionNodes.push(node);
    const listFollowed = this.derivedListFollows;
    this.derivedListFollows = false;
    if (node.type === 'list' && (listFollowed || this.inDerivedTypesSection())) return this.readDerivedTypesList(node);
    if (node.type === 'table' && (listFollowed || this.inDerivedTypesSection())) return this.readDerivedTypesTable(node);
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
    this.finishSectionEnums();
    if (node.depth === 2) {
      this.section = text.toLowerCase();
      this.subsection = '';
    } else {
      this.subsection = text;
    }
  }

  private readParagraph(node: Paragraph): void {
    const text = toString(node);
    if (!this.inheritsFrom && this.tableRows.length === 0) this.readBaseTypeMention(node);
    if (!this.section || this.inDerivedTypesSection()) this.readDerivedTypesSentence(node);
    if (OPEN_TYPE.test(text)) this.saysOpenType = true;
    if (this.section.startsWith('propert')) this.propertiesSectionHasProse = true;
    if (looksLikeTableWithoutSeparator(this.rawText(node))) {
      this.sawTableWithoutSeparator = true;
      this.report(placeOf(node), 'table-no-separator',
        'Rows starting with `|` have no header separator line (`| --- | --- |`) under their first row, so they are text, not a table', 'warning');
    }
    if (!this.description && !this.section && !/^namespace:/i.test(text.trim()) && !text.startsWith('[!')) {
      this.description = text.trim();
    }
  }

  /** "Inherits from [entity](entity.md)": the base type, and the link for the model to check. */
  private readBaseTypeMention(node: Paragraph): void {
    const markdown = this.rawText(node);
    const mention = baseTypeNamedIn(markdown);
    if (!mention) return;
    const place = placeWithin(node, markdown, mention.offset);
    this.inheritsFrom = { name: mention.name, place };
    const link = linksIn(markdown.slice(mention.offset), this.definitions).find((candidate) => candidate.offset === 0);
    if (link) this.typeLinks.push({ target: link.target, place: { file: this.file, ...place } });
  }

  private inDerivedTypesSection(): boolean {
    return DERIVED_TYPES_HEADING.test(this.subsection) || (!this.subsection && DERIVED_TYPES_HEADING.test(this.section));
  }

  /** "This is a base class; the derived types are [a](a.md) and [b](b.md)", or "... the derived types are:". */
  private readDerivedTypesSentence(node: Paragraph): void {
    const markdown = this.rawText(node);
    const sentence = derivedTypesNamedIn(markdown, this.definitions);
    for (const mention of sentence.mentions) this.derivedMentions.push({ mention, place: placeWithin(node, markdown, mention.offset) });
    this.derivedListFollows = sentence.listFollows;
  }

  /** A derived types table: each row names one in its first cell. */
  private readDerivedTypesTable(table: Table): void {
    for (const row of table.children.slice(1)) {
      const cell = row.children[0];
      if (cell) this.readDerivedTypeAtStart(cell, cellMarkdown(this.rawText(cell)));
    }
  }

  /** A derived types list: each item names one at its start ("[basicAuthentication](basicauthentication.md) for HTTP basic authentication"). */
  private readDerivedTypesList(list: List): void {
    for (const item of list.children) {
      const first = item.children[0];
      if (first?.type === 'paragraph') this.readDerivedTypeAtStart(first, this.rawText(first));
    }
  }

  private readDerivedTypeAtStart(node: Node, markdown: string): void {
    const mention = derivedTypeAtStart(markdown, this.definitions);
    if (mention) this.derivedMentions.push({ mention, place: placeOf(node) });
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
    if (!isTypeName(annotation.odataType)) {
      this.rejectedAnnotation = true;
      this.report(placeWithin(node, node.value, Math.max(0, node.value.search(/"@(?:odata\.)?type"/))), 'invalid-type-name',
        `Annotation names the type ${quoted(annotation.odataType)}, which is not a dotted identifier: the block is skipped`, 'warning');
      return;
    }
    this.pendingAnnotation = { annotation, place };
  }

  private readCode(node: Code): void {
    const pending = this.pendingAnnotation;
    this.pendingAnnotation = undefined;
    if (!pending || (node.lang && !/^(json|javascript|js|http)$/i.test(node.lang))) return;
    const object = this.objectFor(pending.annotation, pending.place);
    this.jsonBlocks.push({ object, members: readJsonMembers(node.value), combined: commaJoinedValues(node.value), firstLine: placeOf(node).line + 1 });
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
        openType: annotation.openType,
        mediaEntity: annotation.mediaEntity,
        keyProperty: annotation.keyProperty,
        description: '',
        properties: isPrimary ? this.tableRows : [],
        hasPropertiesTable: false,
        source: { file: this.file, line: place.line, column: place.column },
      };
      if (isPrimary) this.primaryAnnotation = { annotation, place };
      this.objects.push(object);
    }
    return object;
  }

  /** What the rest of the page says about the annotated type that owns its tables, wherever the annotation stood. */
  private settleAnnotatedObject(): void {
    const primary = this.objects[0];
    if (!primary || !this.primaryAnnotation) return;
    primary.description = this.description;
    primary.openType ||= this.saysOpenType;
    primary.hasPropertiesTable = this.tablePlace !== undefined;
    const proseBase = this.proseBaseTypeOf(primary.name);
    if (proseBase) primary.baseTypeSentence = { file: this.file, ...this.inheritsFrom!.place };
    if (!primary.baseType) {
      primary.baseType = proseBase;
    } else if (proseBase && !sameTypeName(proseBase, primary.baseType)) {
      primary.proseBaseType = proseBase;
      this.report(this.inheritsFrom!.place, 'base-type-mismatch',
        `The text says '${primary.name}' inherits from '${proseBase}' where its annotation says '${primary.baseType}'`, 'warning');
    }
  }

  /** Each JSON representation into its type, once the tables are read (a block may precede them). */
  private mergeJsonBlocks(): void {
    for (const { object, members, combined, firstLine } of this.jsonBlocks) {
      for (const member of members) {
        const existing = this.propertyNamed(object.properties, member.name);
        const place = { file: this.file, line: firstLine + member.line, column: 1 };
        if (existing) {
          this.mergeJsonMember(existing, member, place);
          continue;
        }
        // Instance annotations (`@odata.type`) and sample keys of dynamic members (`String-value`, GUIDs) are no properties.
        if (!ODATA_IDENTIFIER.test(member.name)) continue;
        // An open type's JSON shows sample dynamic members; only its tables declare properties.
        if (object.openType) continue;
        this.addProperty(object.properties, {
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
      // At any depth: a block may show its type inside a collection (`"value": [{ ... }]`).
      for (const { name, values } of combined) {
        const property = this.propertyNamed(object.properties, name);
        if (property) property.combinedValues ??= values;
      }
    }
  }

  /**
   * What the JSON representation adds to a property the table lists: the JSON's spelling and
   * listed values, the type it shows when the Type cell offered alternatives, and that it is a
   * collection when the JSON shows an array.
   */
  private mergeJsonMember(existing: RawProperty, member: JsonMember, place: RawProperty['source']): void {
    existing.inJson = true;
    if (existing.name !== member.name) {
      this.reportNameMismatch(place, member.name, existing.name);
      existing.name = likelierSpelling(member.name, existing.name);
    }
    if (existing.typeAlternatives && member.type?.kind === 'unresolved') existing.type = member.type;
    if (member.collection && existing.type.kind === 'unresolved') existing.collection = true;
    if (!member.enumValues || member.enumValues.length < 2) return;
    const listed = existing.inlineEnum;
    if (!listed) {
      existing.inlineEnum = { values: member.enumValues, origin: 'json', place };
    } else if (listed.origin === 'description' && !sameValues(listed.values, member.enumValues)) {
      this.report(place, 'enum-values-mismatch',
        `JSON representation lists ${valueList(member.enumValues)} for '${existing.name}' where its description lists ${valueList(listed.values)}`, 'warning');
    }
  }

  /** Prose that names the page's own type as a base speaks of its derived types ("x types inherit from x"). */
  private proseBaseTypeOf(name: string): string | undefined {
    const base = this.inheritsFrom?.name;
    return base && !sameTypeName(base, name) ? base : undefined;
  }

  /**
   * A resource page without a usable annotation still defines the type its "xyz resource type"
   * title names, even when it lists no properties ("Properties: None", abstract base types).
   */
  private finishPrimaryObject(docType: DocType): void {
    if (this.objects.length > 0 || docType !== 'resource' || this.rejectedAnnotation) return;
    const name = /^([A-Za-z_][\w.]*)\s+(?:resource|complex|entity)\b/i.exec(this.title)?.[1];
    if (name && !isTypeName(name)) {
      this.report(this.titlePlace, 'invalid-type-name', `Title names the type ${quoted(name)}, which is not a dotted identifier`, 'warning');
      return;
    }
    if (!name) {
      if (this.tablePlace) this.report(this.tablePlace, 'untitled-type', 'Properties table on a page whose type cannot be named (no annotation, no "xyz resource type" title)', 'warning');
      return;
    }
    const { namespace, name: simple } = splitName(name, this.namespace);
    const place = this.tablePlace ?? this.titlePlace;
    const baseType = this.proseBaseTypeOf(simple);
    this.report(place, 'missing-annotation', `Page defines '${simple}' without a resource annotation`, 'info');
    this.objects.push({
      name: simple, namespace, baseType, ...(baseType ? { baseTypeSentence: { file: this.file, ...this.inheritsFrom!.place } } : {}),
      abstract: false, openType: this.saysOpenType, mediaEntity: false,
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
    const name = this.readPropertyName(nameCell, cells);
    if (name === undefined) return;
    const typeCell = cells[typeColumn];
    const typeMarkdown = typeCell ? cellMarkdown(this.rawText(typeCell)) : '';
    const parsed = typeCell ? parseTypeCell(typeMarkdown) : undefined;
    const place = placeOf(nameCell);
    if (!parsed) {
      this.report(typeCell ? placeOf(typeCell) : place, 'unknown-type', `Property '${name}' has no readable type`, 'warning');
    }
    if (typeCell) {
      for (const link of linksIn(typeMarkdown, this.definitions)) this.typeLinks.push({ target: link.target, place: { file: this.file, ...placeOf(typeCell) } });
    }
    const facts = readDescription(descriptionMarkdown);
    if (this.rowPositions.has(name.toLowerCase())) {
      this.report(place, 'duplicate-property', `Property '${name}' is listed twice`, 'warning');
      return;
    }
    const property: RawProperty = {
      name,
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
    if (parsed?.alternatives) property.typeAlternatives = parsed.alternatives;
    if (facts.inheritedFrom) property.inheritedFrom = facts.inheritedFrom;
    if (facts.possibleValues) property.inlineEnum = descriptionEnum(facts.possibleValues, facts.combinable, property.source);
    this.addProperty(this.tableRows, property);
  }

  /** The row's property name; undefined, reported, when the name cell holds none. */
  private readPropertyName(nameCell: TableCell, cells: TableCell[]): string | undefined {
    const cell = readNameCell(cellMarkdown(this.rawText(nameCell)));
    const place = placeOf(nameCell);
    if (cell.name !== undefined) {
      if (cell.warning) this.report(place, 'invalid-property-name', cell.warning, 'warning');
      return cell.name;
    }
    const rowHasText = cells.some((other) => toString(other).trim());
    if (cell.problem) this.report(place, 'invalid-property-name', `${cell.problem}: the row is skipped`, 'warning');
    else if (rowHasText) this.report(place, 'invalid-property-name', 'Empty property name cell: the row is skipped', 'warning');
    return undefined;
  }

  private propertyNamed(properties: RawProperty[], name: string): RawProperty | undefined {
    if (properties !== this.tableRows) return properties.find((property) => sameName(property.name, name));
    const position = this.rowPositions.get(name.toLowerCase());
    return position === undefined ? undefined : this.tableRows[position];
  }

  private addProperty(properties: RawProperty[], property: RawProperty): void {
    if (properties === this.tableRows) this.rowPositions.set(property.name.toLowerCase(), properties.length);
    properties.push(property);
  }

  private readEnumTable(table: Table, header: string[]): void {
    const nameColumn = header.findIndex((cell) => /^(member|members|name|member name)$/.test(cell));
    const memberColumn = nameColumn >= 0 ? nameColumn : 0;
    const valueColumn = header.findIndex((cell, index) => index !== memberColumn && /value/.test(cell));
    const descriptionColumn = header.findIndex((cell) => cell.startsWith('description'));
    const members: EnumMember[] = [];
    const invalid: TableCell[] = [];
    for (const row of table.children.slice(1)) {
      const memberCell = row.children[memberColumn];
      const name = memberCell ? memberName(cellMarkdown(this.rawText(memberCell))) : undefined;
      if (!name) {
        if (memberCell && toString(memberCell).trim()) invalid.push(memberCell);
        continue;
      }
      const rawValue = valueColumn >= 0 ? toString(row.children[valueColumn] ?? { type: 'text', value: '' }).trim() : '';
      const description = descriptionColumn >= 0 && row.children[descriptionColumn] ? toString(row.children[descriptionColumn]).trim() : '';
      members.push(/^-?\d+$/.test(rawValue) ? { name, value: Number(rawValue), description } : { name, description });
    }
    if (invalid.length > 0) this.reportInvalidMembers(invalid);
    if (members.length === 0) return;
    const sectionName = /^`?([A-Za-z_][\w.]*)`?\s+values?$/i.exec(this.subsection)?.[1];
    const pageName = /^([A-Za-z_][\w.]*)\s+enum(?:eration)?\s+type\b/i.exec(this.title)?.[1];
    const qualified = sectionName ?? pageName;
    if (!qualified) {
      // Not a fault of the page: "### Roles property values" documents a string's values well; only no enum comes of it.
      this.report(placeOf(table), 'unnamed-enum', 'Values table that names no enum (no "xyz values" heading, no enum page): read as documentation only', 'info');
      return;
    }
    if (!isTypeName(qualified)) {
      this.report(placeOf(table), 'invalid-type-name', `Members table of the enum ${quoted(qualified)}, which is not a dotted identifier: skipped`, 'warning');
      return;
    }
    const { namespace, name } = splitName(qualified, this.namespace);
    const place = placeOf(table);
    const enumType: EnumTypeDef = {
      kind: 'enum', name, namespace, origin: sectionName ? 'section' : 'page',
      flags: false, description: sectionName ? '' : this.description, members,
      sources: [{ file: this.file, ...place }],
    };
    this.enums.push(enumType);
    this.sectionEnums.push(enumType);
  }

  /**
   * Whether each values table of the section just read is a flags enum, by its own text: the
   * section's (a note after the table counts), or the whole page's for an enum page.
   */
  private finishSectionEnums(): void {
    if (this.sectionEnums.length > 0) {
      const sectionText = this.sectionNodes.map((node) => this.rawText(node)).join('\n');
      for (const enumType of this.sectionEnums) enumType.flags = showsFlags(enumType.origin === 'page' ? this.body : sectionText, enumType.members);
    }
    this.sectionEnums = [];
    this.sectionNodes = [];
  }

  /** An enum member's name; undefined, reported when the cell holds text, when it is not an identifier. */
  /** One warning per table, at its first value that is no enum member: a table of plain strings ("JIS B4") is one finding. */
  private reportInvalidMembers(cells: TableCell[]): void {
    const values = cells.map((cell) => quoted(toString(cell).trim()));
    const shown = values.length > 3 ? `${values.slice(0, 3).join(', ')} and ${values.length - 3} more` : values.join(', ');
    this.report(placeOf(cells[0]), 'invalid-enum-member',
      `${values.length === 1 ? 'Value' : 'Values'} ${shown} of this table ${values.length === 1 ? 'is' : 'are'} not an identifier, so no enum member: skipped`, 'warning');
  }

  /**
   * The page's own type against its JSON representation: properties the table lists but the
   * JSON leaves out, and properties the JSON shows where no Properties table documents any.
   * A Properties section that explains in prose ("None.", "inherits all the properties of x",
   * an open type's rules) documents them too, and an open type's JSON shows only samples.
   */
  private compareJsonWithTables(): void {
    const primary = this.objects[0];
    const annotated = this.primaryAnnotation;
    if (!primary || !annotated) return;
    const shown = this.jsonBlocks.filter((block) => block.object === primary).flatMap((block) => block.members);
    if (!primary.hasPropertiesTable && !this.propertiesSectionHasProse && !this.sawTableWithoutSeparator && !primary.openType
      && shown.some((member) => ODATA_IDENTIFIER.test(member.name))) {
      this.report(annotated.place, 'missing-properties-table', `The JSON representation of '${primary.name}' shows properties, but no Properties table documents them`, 'warning');
    }
    if (!primary.hasPropertiesTable || !this.jsonBlocks.some((block) => block.object === primary)) return;
    for (const property of propertiesNotInJson(primary, annotated.annotation.optionalProperties)) {
      this.report(property.source, 'property-not-in-json', `Property '${property.name}' is in the properties table but not in the JSON representation`, 'warning');
    }
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

/** A paragraph whose first two lines are table rows, the second not a delimiter row: a table missing its separator. */
function looksLikeTableWithoutSeparator(markdown: string): boolean {
  const [first, second] = markdown.split('\n', 2);
  return second !== undefined && TABLE_ROW.test(first) && TABLE_ROW.test(second) && !DELIMITER_ROW.test(second);
}

function descriptionEnum(values: string[], combinable: boolean | undefined, place: RawProperty['source']): InlineEnum {
  return combinable ? { values, origin: 'description', place, flags: true } : { values, origin: 'description', place };
}

/** An enum member cell's name, when it is an identifier. */
function memberName(markdown: string): string | undefined {
  const { name } = readNameCell(markdown);
  return name !== undefined && ODATA_IDENTIFIER.test(name) ? name : undefined;
}

function sameTypeName(a: string, b: string): boolean {
  return a.replace(/^.*\./, '').toLowerCase() === b.replace(/^.*\./, '').toLowerCase();
}

function valueList(values: string[]): string {
  return values.map((value) => `'${value}'`).join(', ');
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

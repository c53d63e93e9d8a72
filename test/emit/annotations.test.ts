import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { emitModel, type SourceFile } from '../../src/emit/files.js';
import type { Model, ObjectTypeDef, PropertyDef } from '../../src/model/types.js';
import { loadTemplates } from '../../src/pipeline.js';
import { typeCheck } from '../helpers/typecheck.js';

/*
 * `@odata.type` on the types of a hierarchy, a union per base that a switch on it narrows, the
 * other `@odata` annotations on entities, and the `@see` links: checked by compiling a consumer
 * against the emitted declarations.
 */

const ROOT = 'microsoft.graph';
const PLACE = { file: 'resources/attachment.md', line: 1, column: 1 };

function property(name: string, type: 'String' | 'Binary' | 'Int32', options: Partial<PropertyDef> = {}): PropertyDef {
  return {
    name, type: { kind: 'primitive', name: type }, collection: false, nullable: true, readOnly: false, key: false,
    navigation: false, description: '', source: PLACE, ...options,
  };
}

function entity(name: string, properties: PropertyDef[], baseType?: string, file = `resources/${name.toLowerCase()}.md`): ObjectTypeDef {
  return {
    kind: 'entity', name, namespace: name === 'remoteAttachment' ? `${ROOT}.other` : ROOT, abstract: false, openType: false, mediaEntity: false,
    description: `The ${name}.`, properties, sources: [{ ...PLACE, file }], ...(baseType ? { baseType: `${ROOT}.${baseType}` } : {}),
  };
}

const MODEL: Model = {
  apiVersion: 'beta',
  operations: [],
  types: [
    entity('entity', [property('id', 'String', { key: true, nullable: false })]),
    entity('attachment', [property('name', 'String'), property('@odata.type', 'String')], 'entity'),
    entity('fileAttachment', [property('contentBytes', 'Binary')], 'attachment'),
    entity('largeFileAttachment', [property('chunkCount', 'Int32')], 'fileAttachment'),
    entity('itemAttachment', [property('item', 'String'), property('@odata.etag', 'String')], 'attachment'),
    entity('remoteAttachment', [property('location', 'String')], 'attachment'),
    { ...entity('note', [property('text', 'String')]), kind: 'complex' },
  ],
};

const TEMPLATES = await loadTemplates();
const emit = (options: { docsBaseUrl?: string } = {}): SourceFile[] =>
  emitModel(MODEL, { enumStyle: 'const', templates: TEMPLATES, guards: true, ...options }).files;
const text = (files: SourceFile[], path: string): string => files.find((file) => file.path === path)!.content;

/** A consumer of the emitted package: what must compile, and with `@ts-expect-error`, what must not. */
const CONSUMER = `import type { AttachmentTypes, Entity, FileAttachment, ItemAttachment, Note, Other } from './index.js';
import { isAttachment } from './guards.js';

export function describe(a: AttachmentTypes): string | null | undefined {
  switch (a['@odata.type']) {
    case '#microsoft.graph.fileAttachment':
      // @ts-expect-error an itemAttachment's property is not on a fileAttachment
      a.item;
      return a.contentBytes;
    case '#microsoft.graph.largeFileAttachment':
      return \`\${a.chunkCount}\${a.contentBytes}\`;
    case '#microsoft.graph.itemAttachment':
      // @ts-expect-error a fileAttachment's property is not on an itemAttachment
      a.contentBytes;
      return a.item;
    case '#microsoft.graph.other.remoteAttachment':
      return a.location;
    case '#microsoft.graph.attachment':
      // @ts-expect-error the base has none of its derived types' properties
      a.contentBytes;
      return a.name;
    default:
      return a.name;
  }
}

export const fromGraph: unknown = JSON.parse('{}');
export const checked = isAttachment(fromGraph) ? describe(fromGraph) : undefined;

export const entity: Entity = { id: 'e', '@odata.id': 'https://graph/e', '@odata.etag': 'W/"1"', '@odata.context': 'https://graph/$metadata#e' };
export const file: FileAttachment = { '@odata.type': '#microsoft.graph.fileAttachment', name: 'f', contentBytes: 'AA==' };
export const plain: FileAttachment = { name: 'no annotation needed' };
export const item: ItemAttachment = { '@odata.etag': 'W/"2"', item: 'i' };
export const remote: Other.RemoteAttachment = { '@odata.type': '#microsoft.graph.other.remoteAttachment', location: 'l' };
export const list: AttachmentTypes[] = [item, remote, { name: 'base' }, { '@odata.type': '#microsoft.graph.fileAttachment', contentBytes: 'AA==' }];
// @ts-expect-error a value typed as a type with derived types may name any of them: it is not one union member
export const intermediate: AttachmentTypes = file;
// @ts-expect-error a leaf type's @odata.type names that type
export const wrong: ItemAttachment = { '@odata.type': '#microsoft.graph.fileAttachment' };
// @ts-expect-error a complex type is no entity: no @odata.etag
export const note: Note = { '@odata.etag': 'x' };
`;

test('a switch on @odata.type narrows a base\'s union, and a wrong member inside a case fails', () => {
  const files = emit();
  assert.equal(typeCheck([...files, { path: 'consumer.ts', content: CONSUMER }]), []);
});

test('the narrowing test bites: without the literal on a leaf, the consumer fails', () => {
  const files = emit().map((file) => file.path === 'graph.d.ts'
    ? { ...file, content: file.content.replace('"@odata.type"?: "#microsoft.graph.itemAttachment";', '') }
    : file);
  assert.ok(typeCheck([...files, { path: 'consumer.ts', content: CONSUMER }]).length > 0);
});

test('@odata.type: a string on the root, inherited by an intermediate type, the type\'s own name on a leaf', () => {
  const graph = text(emit(), 'graph.d.ts');
  const body = (name: string) => graph.slice(graph.indexOf(`export interface ${name} `), graph.indexOf('\n}\n', graph.indexOf(`export interface ${name} `)));
  assert.match(body('Entity'), '"@odata.type"?: string;');
  assert.not.match(body('Attachment'), '@odata.type', 'the table\'s @odata.type gives way to the annotation');
  assert.not.match(body('FileAttachment'), '@odata.type');
  assert.match(body('LargeFileAttachment'), '"@odata.type"?: "#microsoft.graph.largeFileAttachment";');
  assert.match(body('ItemAttachment'), '"@odata.type"?: "#microsoft.graph.itemAttachment";');
  assert.not.match(body('ItemAttachment'), '@odata.etag', 'inherited from the root entity');
  assert.not.match(body('Note'), '@odata');
  assert.match(graph, /export type AttachmentTypes = \(Attachment & \{ "@odata.type"\?: "#microsoft.graph.attachment" \}\)\n    \| \(FileAttachment & /);
});

test('links: every interface, property and enum links to its published page, by version, with a base URL of choice', () => {
  const graph = text(emit(), 'graph.d.ts');
  const links = [...graph.matchAll(/@see (\S+)/g)].map((match) => match[1]);
  assert.ok(links.length >= 12, `${links.length} links`);
  for (const link of links) assert.match(link, /^https:\/\/learn\.microsoft\.com\/graph\/api\/resources\/[a-z]+\?view=graph-rest-beta$/);
  assert.match(graph, ' * @see https://learn.microsoft.com/graph/api/resources/largefileattachment?view=graph-rest-beta\n */\nexport interface LargeFileAttachment');
  const forked = text(emit({ docsBaseUrl: 'https://docs.example.com/graph' }), 'graph.d.ts');
  assert.match(forked, '@see https://docs.example.com/graph/entity?view=graph-rest-beta');
  assert.not.match(forked, 'learn.microsoft.com');
});

test.run();

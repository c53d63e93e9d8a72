import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseAnnotation } from '../../src/read/annotation.js';

test('reads a valid resource annotation', () => {
  const annotation = parseAnnotation(`<!-- {
  "blockType": "resource",
  "optionalProperties": ["a", "b"],
  "keyProperty": "id",
  "baseType": "microsoft.graph.entity",
  "abstract": true,
  "openType": "true",
  "isMediaEntity": true,
  "@odata.type": "#microsoft.graph.widget"
}-->`);
  assert.equal(annotation, {
    blockType: 'resource', odataType: 'microsoft.graph.widget', baseType: 'microsoft.graph.entity',
    abstract: true, openType: true, mediaEntity: true, keyProperty: 'id', optionalProperties: ['a', 'b'],
    isCollection: false, truncated: false, validJson: true,
  });
});

test('recovers fields from an annotation that is not valid JSON', () => {
  const annotation = parseAnnotation(`<!-- { "blockType": "resource", "@type": "microsoft.graph.driveItem", "truncated": true, } -->`);
  assert.equal([annotation?.blockType, annotation?.odataType, annotation?.truncated, annotation?.validJson], ['resource', 'microsoft.graph.driveItem', true, false]);
});

test('ignores comments that are not annotations', () => {
  assert.is(parseAnnotation('<!-- uuid: 8fcb5dbc 2015-10-25 -->'), undefined);
  assert.is(parseAnnotation('<p>not a comment</p>'), undefined);
});

test.run();

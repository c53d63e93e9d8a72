// Types only: what most users of typings import. Compiled alone by test/package/consumer.test.ts,
// which checks that the program holds no guard declarations.
import type { Entity, EntityTypes, RecordOperation, TermStore } from '@graph-docs-typegen/graph-types/beta';
import { RecordOperationStatus } from '@graph-docs-typegen/graph-types/beta';

export const operation: RecordOperation = { status: RecordOperationStatus.Completed };
export const entity: Entity = { id: 'e', '@odata.etag': 'W/"1"' };
export const set: TermStore.Set = { '@odata.type': '#microsoft.graph.termStore.set' };

export function describe(value: EntityTypes): string | null | undefined {
  switch (value['@odata.type']) {
    case '#microsoft.graph.gadget':
      return value.serialNumber;
    case '#microsoft.graph.termStore.set':
      // @ts-expect-error a term set has no serial number
      return value.serialNumber;
    default:
      return value.id;
  }
}

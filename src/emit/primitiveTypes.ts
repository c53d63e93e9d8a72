import type { PrimitiveName } from '../model/types.js';

/** The TypeScript type each Edm primitive is emitted as; kept apart from the emitter, which loads ts-morph. */
export const TYPESCRIPT_OF_PRIMITIVE: Record<PrimitiveName, string> = {
  String: 'string', Guid: 'string', Date: 'string', DateTimeOffset: 'string', TimeOfDay: 'string',
  Duration: 'string', Binary: 'string',
  Int16: 'number', Int32: 'number', Int64: 'number', Byte: 'number', SByte: 'number',
  Single: 'number', Double: 'number', Decimal: 'number',
  Boolean: 'boolean', Stream: 'unknown', Untyped: 'unknown',
};

// Guards only: a program that checks JSON from Graph without naming any type.
import { isRecordOperation, validateRecordOperation, TermStore } from '@graph-docs-typegen/graph-types/beta/guards';

const sample: unknown = JSON.parse('{"id": "op", "status": "running"}');
export const valid: boolean = isRecordOperation(sample) && TermStore.validateSet({}).length === 0;
export const issues: number = validateRecordOperation(sample).length;

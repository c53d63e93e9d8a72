// A CommonJS program: TypeScript compiles these imports to require() of the package's .cjs copies.
import { type RecordOperation, RecordOperationStatus } from '@graph-docs-typegen/graph-types/beta';
import { ValidationError, assertRecordOperation, isRecordOperation, validateRecordOperation } from '@graph-docs-typegen/graph-types/beta/guards';
import * as V1Guards from '@graph-docs-typegen/graph-types/v1.0/guards';

const operation: RecordOperation = { id: 'op-1', status: RecordOperationStatus.Running };
const sample: unknown = JSON.parse('{"id": 7, "status": "sleeping"}');
console.log(`cjs valid: ${isRecordOperation(operation)} ${isRecordOperation(sample)} ${V1Guards.CallRecords.isWidgetSession({})}`);
for (const issue of validateRecordOperation(sample)) console.log(issue.message);
try {
  assertRecordOperation(sample);
} catch (error) {
  if (error instanceof ValidationError) console.log(`assert: ${error.issues.length} issues`);
}

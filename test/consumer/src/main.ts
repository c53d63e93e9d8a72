// A user's program: imports types and enums from both versions' entry points, and guards from their guards' entries.
import { type RecordOperation, RecordOperationStatus } from '@graph-docs-typegen/graph-types/beta';
import { ValidationError, assertRecordOperation, isRecordOperation, validateRecordOperation } from '@graph-docs-typegen/graph-types/beta/guards';
import * as V1 from '@graph-docs-typegen/graph-types/v1.0';
import * as V1Guards from '@graph-docs-typegen/graph-types/v1.0/guards';

const operation: RecordOperation = { id: 'op-1', status: RecordOperationStatus.Running, resultInfo: { code: 200 } };
const stage: V1.WidgetStage = V1.WidgetStage.Released;
const session: V1.CallRecords.WidgetSession = {};

const sample: unknown = JSON.parse('{"id": 7, "status": "sleeping", "resultInfo": {"code": "ok"}}');
console.log(`valid: ${isRecordOperation(operation)} ${isRecordOperation(sample)} ${V1Guards.isWidgetStage(stage)} ${typeof session}`);
for (const issue of validateRecordOperation(sample)) console.log(issue.message);
try {
  assertRecordOperation(sample);
} catch (error) {
  if (error instanceof ValidationError) console.log(`assert: ${error.issues.length} issues`);
}

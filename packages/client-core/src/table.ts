// How the runtime reads the generated operation table (shapes in ./operation-spec.ts, owned by codegen).
import type { ApiSpec, OperationSpec } from './operation-spec.js';

/** A row of the operation table as the runtime reads it. */
export type OperationInfo = OperationSpec;
/** x-veeam-pagination of an operation. */
export type PaginationInfo = NonNullable<OperationSpec['pagination']>;
/** operationId -> row: the generated `operations` constant. */
export type OperationTable = Readonly<Record<string, OperationSpec>>;
/** Root facts of a spec: the generated `spec` constant. */
export type SpecInfo = Pick<ApiSpec, 'product' | 'basePath' | 'caseInsensitivePaths' | 'deadLinks'>;

/** Finds the operation for a method and path template: the join key between calls and the table. */
export function indexOperations(table: OperationTable): Map<string, string> {
  const index = new Map<string, string>();
  for (const [id, op] of Object.entries(table)) index.set(`${op.method.toUpperCase()} ${op.path}`, id);
  return index;
}

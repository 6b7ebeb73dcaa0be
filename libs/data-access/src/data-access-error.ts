import { DomainError } from '@fenceline/contracts';

/** Why a repository refused: the transports map these codes to HTTP / GraphQL errors once. */
export type DataAccessErrorCode = 'NOT_FOUND' | 'CONFLICT' | 'INVALID' | 'CORRUPT_DATA';

/** A repository's refusal: a {@link DomainError} with one of the codes a store can know. */
export class DataAccessError extends DomainError {
  declare readonly code: DataAccessErrorCode;

  constructor(code: DataAccessErrorCode, message: string) {
    super(code, message);
    this.name = 'DataAccessError';
  }
}

/** Where a stored value lives: its table (the Prisma model), its row's id and its column. */
export interface StoredField {
  readonly table: string;
  readonly id: string;
  readonly field: string;
}

/**
 * A stored value that no longer matches its schema. It was valid when it was written, so this is
 * no caller's fault and retrying cannot help: `CORRUPT_DATA` (the API answers 500, the worker
 * does not retry). The message names the table, the row and the field (with the path inside it).
 *
 * @example new CorruptDataError({ table: 'Cluster', id, field: 'labels' }, 'team: expected string')
 */
export class CorruptDataError extends DataAccessError {
  readonly table: string;
  readonly rowId: string;
  readonly field: string;

  constructor(where: StoredField, detail: string, message?: string) {
    super(
      'CORRUPT_DATA',
      message ??
        `stored ${where.table} ${where.id} does not match the schema: ${where.field} (${detail})`,
    );
    this.name = 'CorruptDataError';
    this.table = where.table;
    this.rowId = where.id;
    this.field = where.field;
  }
}

/** Whether a Prisma error is a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002'
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs: anything else names nothing (and must not reach the database as a uuid). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

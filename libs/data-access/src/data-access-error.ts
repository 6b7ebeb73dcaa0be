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

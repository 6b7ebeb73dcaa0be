/** Why a repository refused: the transports map these codes to HTTP / GraphQL errors once. */
export type DataAccessErrorCode = 'NOT_FOUND' | 'CONFLICT' | 'INVALID';

export class DataAccessError extends Error {
  constructor(
    readonly code: DataAccessErrorCode,
    message: string,
  ) {
    super(message);
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

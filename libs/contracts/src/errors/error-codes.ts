/**
 * Every error code the API answers with, and the HTTP status each maps to. REST answers
 * `{ code, message, issues? }` with that status; GraphQL puts the code (and the status) in
 * `extensions`. Services and repositories throw {@link DomainError}s with these codes; the
 * transports map them once.
 *
 * @example ERROR_STATUS.NOT_FOUND // 404
 */
export const ERROR_STATUS = {
  /** Input off its schema (body, query or arguments); `issues` names every bad field. */
  INVALID: 400,
  /** The body is not JSON. */
  MALFORMED_JSON: 400,
  /** The body could not be read (a corrupt gzip stream). */
  INVALID_BODY: 400,
  /** A pushed snapshot is off the snapshot schema. */
  INVALID_SNAPSHOT: 400,
  /** A pushed snapshot holds objects the Kubernetes API server would refuse. */
  INVALID_OBJECTS: 400,
  /** No, unknown or revoked API key or agent token. */
  UNAUTHENTICATED: 401,
  /** The key's role is too weak for the operation. */
  FORBIDDEN: 403,
  /** A requester tried to approve their own promotion or waiver. */
  SELF_APPROVAL: 403,
  /** No such object in the caller's organization (or no such route). */
  NOT_FOUND: 404,
  /** The change collides with the current state (a duplicate name, an already-decided promotion). */
  CONFLICT: 409,
  /** An evidence pack that is still building (or failed) cannot be downloaded. */
  NOT_READY: 409,
  /** A body larger than the route allows. */
  PAYLOAD_TOO_LARGE: 413,
  /** A `Content-Encoding` other than gzip, deflate or identity. */
  UNSUPPORTED_ENCODING: 415,
  /** Too many requests from this client in the last minute. */
  RATE_LIMITED: 429,
  /**
   * Stored data (a JSON column: a snapshot's payload, a cluster's labels, …) no longer matches its
   * schema: not the caller's fault. The message names the table, the row id and the field.
   */
  CORRUPT_DATA: 500,
  /** A bug: answered with a correlation id, the details are in the log only. */
  INTERNAL: 500,
} as const satisfies Record<string, number>;

/** One of the codes of {@link ERROR_STATUS}. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** The codes, for documentation and tests. */
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/**
 * One bad field of a refused input: its dotted path (`(body)` / `(query)` for the whole) and
 * why; an issue may carry more (the object a snapshot issue is about, its own code).
 */
export interface ErrorIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * A refusal the caller can act on, with a code from {@link ERROR_STATUS}. Thrown by services and
 * repositories; never an HTTP exception, so the same error reads the same in REST and GraphQL.
 *
 * @example throw new DomainError('NOT_FOUND', `cluster ${id} not found`)
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: readonly ErrorIssue[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** The HTTP status this error is answered with. */
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

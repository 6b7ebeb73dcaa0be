import { ERROR_CODES } from '@fenceline/contracts';
import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;

/** The component every error response refers to. */
export const ERROR_BODY_REF = '#/components/schemas/ErrorBody';

/**
 * The one error body of every REST refusal (see errors/http-error.filter.ts): `{ code,
 * message, issues? }`, with `correlationId` on a 500.
 */
export const errorBodySchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: {
      type: 'string',
      description: 'a code of libs/contracts ERROR_STATUS (or HTTP_<status>)',
      examples: [...ERROR_CODES],
    },
    message: { type: 'string' },
    issues: {
      type: 'array',
      description: 'every bad field of a refused input',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
    correlationId: { type: 'string', description: 'on a 500: the request id in the log' },
  },
} as const;

/** Which refusals an operation can answer with, as found on its route. */
export interface OperationTraits {
  readonly validates: boolean;
  readonly hasBody: boolean;
  readonly authenticated: boolean;
  readonly throttled: boolean;
  readonly encodedBody: boolean;
  readonly conflicts: boolean;
}

const DEFAULT_DESCRIPTION: Readonly<Record<number, string>> = {
  400: 'invalid input: issues name every bad field (INVALID, MALFORMED_JSON)',
  401: 'missing, unknown or revoked credentials (UNAUTHENTICATED)',
  403: "the key's role is too weak or the resource is not yours (FORBIDDEN)",
  404: 'no such resource in your organization (NOT_FOUND)',
  413: 'the body is larger than the route allows (PAYLOAD_TOO_LARGE)',
  415: 'a Content-Encoding other than gzip, deflate or identity (UNSUPPORTED_ENCODING)',
  429: 'too many requests in the last minute (RATE_LIMITED)',
};

/** The 4xx statuses an operation documents, from its path and traits. */
export function errorStatuses(path: string, traits: OperationTraits): number[] {
  const statuses: number[] = [];
  if (traits.validates || traits.hasBody) statuses.push(400);
  if (traits.authenticated) statuses.push(401, 403);
  if (path.includes('{')) statuses.push(404);
  if (traits.hasBody) statuses.push(413);
  if (traits.conflicts) statuses.push(409);
  if (traits.encodedBody) statuses.push(415);
  if (traits.throttled) statuses.push(429);
  return statuses;
}

/**
 * Adds the refusals an operation can answer with (keeping those its controller describes) and
 * gives every 4xx/5xx response the one error body.
 */
export function documentErrors(
  operation: Operation,
  statuses: readonly number[],
  descriptions: Readonly<Record<number, string>> = {},
): void {
  const responses = operation.responses;
  for (const status of statuses) {
    const key = String(status);
    const description = descriptions[status] ?? DEFAULT_DESCRIPTION[status] ?? key;
    if (!responses[key]) responses[key] = { description };
  }
  for (const [key, response] of Object.entries(responses)) {
    const status = Number(key);
    if (!response || !(status >= 400) || '$ref' in response) continue;
    const documented = response.content?.['application/json']?.schema;
    if (status === 503 && documented) continue;
    response.content = { 'application/json': { schema: { $ref: ERROR_BODY_REF } } };
  }
}

import createClient, { type Client } from 'openapi-fetch';
import { z } from 'zod';
import type { paths } from '../generated/fenceline-api';

/** A non-2xx answer of the central API, with its error body (`{ code, message, issues? }`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly unknown[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The API could not be reached, or answered something this CLI does not understand. */
export class ApiUnavailableError extends Error {
  override readonly name = 'ApiUnavailableError';
}

/** The REST API as its OpenAPI document describes it (`npx nx run cli:generate-api`). */
export type FencelineApi = Client<paths>;

/** A 2xx answer: its status, the fields the CLI reads (validated) and the body as it came. */
export interface ApiAnswer<T> {
  readonly status: number;
  readonly value: T;
  readonly raw: unknown;
}

/** What an openapi-fetch call resolves to, with `D` the documented 2xx body. */
interface FetchResult<D> {
  readonly data?: D;
  readonly error?: unknown;
  readonly response: Response;
}

const REQUEST_TIMEOUT_MS = 30_000;

const errorBody = z.object({
  code: z.string(),
  message: z.string(),
  issues: z.array(z.unknown()).optional(),
});

/**
 * The central API through openapi-fetch, typed by the `paths` openapi-typescript generates from
 * the API's OpenAPI 3.1 document: bearer authentication, JSON bodies, each request aborted after
 * `timeoutMs`, errors as {@link ApiError} or {@link ApiUnavailableError}. `baseUrl` may carry a
 * path prefix (`https://host/fenceline`).
 *
 * @example
 * const api = new ApiClient('http://localhost:3000', key);
 * await api.send('GET /v1/baselines', (c) => c.GET('/v1/baselines'), z.array(z.unknown()));
 */
export class ApiClient {
  private readonly base: string;
  private readonly client: FencelineApi;

  constructor(baseUrl: string, apiKey: string, timeoutMs = REQUEST_TIMEOUT_MS) {
    // openapi-fetch drops one trailing slash; `http://host/prefix//` loses them all, as before.
    this.base = baseUrl.replace(/\/+$/, '');
    this.client = createClient<paths>({
      baseUrl: this.base,
      headers: { Authorization: `Bearer ${apiKey}`, Accept: 'application/json' },
      // A timer per request: a `signal` among the client's options would be shared by all.
      fetch: (request: Request) => fetch(request, { signal: AbortSignal.timeout(timeoutMs) }),
    });
  }

  /**
   * Runs one call and checks its answer: a 2xx body must parse with `schema` (whose type the
   * documented answer must satisfy, so a field the CLI reads cannot vanish from the contract
   * silently), anything else throws. `label` (`POST /v1/baselines`) names the call in messages.
   */
  async send<T, D extends T>(
    label: string,
    call: (client: FencelineApi) => Promise<FetchResult<D>>,
    schema: z.ZodType<T>,
  ): Promise<ApiAnswer<T>> {
    let result: FetchResult<D>;
    try {
      result = await call(this.client);
    } catch (error) {
      // openapi-fetch parses a 2xx body itself and rejects with JSON.parse's SyntaxError.
      if (nameOf(error) === 'SyntaxError') {
        throw new ApiUnavailableError(`unexpected answer to ${label}: the body is not JSON`);
      }
      // fetch rejects with a TypeError whose cause says why (refused, DNS, TLS), or a timeout.
      const cause = messageOf((error as { cause?: unknown } | undefined)?.cause);
      throw new ApiUnavailableError(
        `cannot reach ${this.base}: ${messageOf(error) ?? 'request failed'}${cause ? ` (${cause})` : ''}`,
      );
    }
    const { response } = result;
    if (!response.ok) throw errorOf(response, result.error);
    const parsed = schema.safeParse(result.data);
    if (!parsed.success) {
      throw new ApiUnavailableError(
        `unexpected answer to ${label} (${response.status}): ${parsed.error.issues[0]?.message ?? 'invalid body'}`,
      );
    }
    return { status: response.status, value: parsed.data, raw: result.data };
  }
}

/** openapi-fetch hands over a non-2xx body parsed as JSON when it is JSON, else as text. */
function errorOf(response: Response, body: unknown): ApiError {
  const parsed = errorBody.safeParse(body);
  if (parsed.success) {
    const { code, message, issues } = parsed.data;
    return new ApiError(response.status, code, message, issues ?? []);
  }
  const text = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
  return new ApiError(
    response.status,
    'HTTP_ERROR',
    text.trim().slice(0, 200) || response.statusText,
    [],
  );
}

/** The name of an error from any realm (under jest, fetch's errors are not this realm's). */
function nameOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error
    ? String(error.name)
    : undefined;
}

/** The message of an error from any realm (fetch's errors are not this realm's `Error`s). */
function messageOf(error: unknown): string | undefined {
  if (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  ) {
    return (error as { message: string }).message;
  }
  return error === undefined ? undefined : String(error);
}

import { z } from 'zod';

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

const errorBody = z.object({
  code: z.string(),
  message: z.string(),
  issues: z.array(z.unknown()).optional(),
});

const REQUEST_TIMEOUT_MS = 30_000;

/**
 * A minimal JSON client of the central API: bearer authentication, JSON bodies, errors as
 * {@link ApiError}. `baseUrl` may carry a path prefix (`https://host/fenceline`).
 *
 * @example await new ApiClient('http://localhost:3000', key).request('GET', '/v1/baselines?name=prod')
 */
export class ApiClient {
  private readonly base: string;

  constructor(
    baseUrl: string,
    private readonly apiKey: string,
  ) {
    this.base = baseUrl.replace(/\/+$/, '');
  }

  async request<T>(
    method: 'GET' | 'POST',
    path: string,
    schema: z.ZodType<T>,
    body?: unknown,
  ): Promise<{ status: number; value: T; raw: unknown }> {
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${this.apiKey}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      // fetch rejects with a TypeError whose cause says why (refused, DNS, TLS, timeout).
      const cause = messageOf((error as { cause?: unknown } | undefined)?.cause);
      throw new ApiUnavailableError(
        `cannot reach ${this.base}: ${messageOf(error) ?? 'request failed'}${cause ? ` (${cause})` : ''}`,
      );
    }
    const text = await response.text();
    let raw: unknown;
    try {
      raw = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      raw = undefined;
    }
    if (!response.ok) {
      const parsed = errorBody.safeParse(raw);
      if (parsed.success)
        throw new ApiError(
          response.status,
          parsed.data.code,
          parsed.data.message,
          parsed.data.issues ?? [],
        );
      throw new ApiError(
        response.status,
        'HTTP_ERROR',
        text.trim().slice(0, 200) || response.statusText,
        [],
      );
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      throw new ApiUnavailableError(
        `unexpected answer to ${method} ${path} (${response.status}): ${parsed.error.issues[0]?.message ?? 'invalid body'}`,
      );
    }
    return { status: response.status, value: parsed.data, raw };
  }
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

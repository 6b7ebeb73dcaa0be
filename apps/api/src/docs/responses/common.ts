import { z } from 'zod';

/** An ISO-8601 timestamp as every model shows it. */
export const timestamp = z.iso.datetime();

/** A timestamp or null (not happened yet). */
export const maybeTimestamp = timestamp.nullable();

/** One documented 2xx answer of an operation. */
export interface ResponseDoc {
  readonly status: number;
  /** Absent: no body (204). */
  readonly schema?: z.ZodType;
  /** Defaults to application/json. */
  readonly mediaType?: string;
  /** Other media types the same status may be answered with (a report as CSV or PDF). */
  readonly alternatives?: Readonly<Record<string, z.ZodType>>;
  /** When the operation answers 409 (CONFLICT or NOT_READY). */
  readonly conflict?: string;
}

/** A JSON answer with this status. */
export function json(status: number, schema: z.ZodType): ResponseDoc {
  return { status, schema };
}

/** A JSON array answer (a list route's page; the next page is announced in `Link`). */
export function page(schema: z.ZodType): ResponseDoc {
  return { status: 200, schema: z.array(schema) };
}

/** A file download of this media type. */
export function file(mediaType: string): ResponseDoc {
  return { status: 200, schema: z.string(), mediaType };
}

/** An answer without a body. */
export function noContent(): ResponseDoc {
  return { status: 204 };
}

/** The same answer, and a 409 when the change collides with the current state. */
export function conflicts(doc: ResponseDoc, when: string): ResponseDoc {
  return { ...doc, conflict: when };
}

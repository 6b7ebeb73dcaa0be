import type { OpenAPIObject } from '@nestjs/swagger';
import { jsonSchemaOf } from './json-schema';
import type { ResponseDoc } from './responses';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;

/**
 * Sets an operation's 2xx answer from its zod schema (the JSON Schema of what the route
 * returns), keeping the description and the headers its controller wrote.
 */
export function documentResponse(operation: Operation, doc: ResponseDoc): void {
  const key = String(doc.status);
  const existing = operation.responses[key];
  const description =
    existing && 'description' in existing && existing.description
      ? existing.description
      : doc.schema
        ? 'OK'
        : 'no content';
  // Headers a route declares (a list's Link and X-Next-Cursor) stay documented.
  const headers =
    existing && 'headers' in existing && existing.headers ? { headers: existing.headers } : {};
  if (!doc.schema) {
    operation.responses[key] = { description, ...headers };
    return;
  }
  const content: Record<string, { schema: Record<string, unknown> }> = {
    [doc.mediaType ?? 'application/json']: { schema: jsonSchemaOf(doc.schema, 'output') },
  };
  for (const [mediaType, schema] of Object.entries(doc.alternatives ?? {}))
    content[mediaType] = { schema: jsonSchemaOf(schema, 'output') };
  operation.responses[key] = { description, ...headers, content };
}

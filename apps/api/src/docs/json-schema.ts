import { z } from 'zod';

/** A JSON Schema 2020-12 object, as OpenAPI 3.1 embeds it. */
export type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema of a zod schema for OpenAPI 3.1: `input` for what a request may send (before
 * coercion and defaults), `output` for what a response holds. `$schema` is dropped (the
 * document's dialect is 2020-12 already); what JSON cannot express (a refinement) is left open.
 */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    // A timestamp's `format` says it all; zod's regex for it is a kilobyte per field.
    override: ({ jsonSchema }) => {
      if (jsonSchema.format === 'date-time' || jsonSchema.format === 'date')
        delete jsonSchema.pattern;
    },
  }) as JsonSchema;
  delete json['$schema'];
  return json;
}

import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { validate } from './validate';

/** Validates a request body with an operation's zod schema; a 400 names every bad field by its path. */
export class ZodBody<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    return validate(this.schema, value, 'body');
  }
}

/**
 * Validates a query string with an operation's (strict) zod schema: a bad value or an unknown
 * parameter is a 400 naming it.
 */
export class ZodQuery<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    return validate(this.schema, value ?? {}, 'query');
  }
}

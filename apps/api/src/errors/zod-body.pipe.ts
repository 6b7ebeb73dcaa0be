import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

/** Validates a request body with a zod schema; a 400 names every bad field by its path. */
export class ZodBody<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: z.ZodType<T>) {}

  transform(value: unknown): T {
    const parsed = this.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    throw new BadRequestException({
      code: 'INVALID',
      message: 'invalid request body',
      issues: parsed.error.issues.map((i) => ({
        path: i.path.join('.') || '(body)',
        message: i.message,
      })),
    });
  }
}

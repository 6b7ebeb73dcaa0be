import type { Type } from '@nestjs/common';
import { ArgsType, Field, Int } from '@nestjs/graphql';
import type { z } from 'zod';
import { presentArgs, validate } from '../errors/validate';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageSizes } from './page-query';

/** The `limit` and `cursor` arguments of a GraphQL list, as its resolver receives them. */
export type PageArgsShape = {
  limit?: number | null;
  cursor?: string | null;
};

/**
 * The `limit` and `cursor` arguments of a GraphQL list whose REST query spreads
 * `pageQuery(sizes)`. `limit` defaults to the list's page size in the schema itself
 * (`limit: Int = 500`), so a client sees it and the complexity estimate
 * (graphql/query-complexity.ts) counts the page the list really fetches; the list's zod schema
 * still validates both.
 *
 * @example @ArgsType() class AuditPageArgs extends PageArgsOf(AUDIT_PAGE_SIZES) {}
 */
export function PageArgsOf(sizes: PageSizes = {}): Type<PageArgsShape> {
  const byDefault = sizes.defaultLimit ?? DEFAULT_PAGE_SIZE;
  const max = sizes.maxLimit ?? MAX_PAGE_SIZE;
  @ArgsType()
  class PageArgsType implements PageArgsShape {
    @Field(() => Int, {
      nullable: true,
      defaultValue: byDefault,
      description: `page size, 1–${max}`,
    })
    limit?: number | null;

    @Field(() => String, { nullable: true, description: 'the endCursor of the previous page' })
    cursor?: string | null;
  }
  return PageArgsType;
}

/** The page arguments of a list of the common page sizes (500 by default, at most 1,000). */
@ArgsType()
export class PageArgs extends PageArgsOf() {}

/**
 * A GraphQL list's arguments parsed with its REST query schema: the filters and the page (only
 * `limit` and `cursor` of it: `@Args()` hands over every argument of the field), nulls dropped as
 * a query string would lack them, a refusal the same `INVALID` as REST's.
 *
 * @example const query = listQuery(listClustersSchema, page, { environment });
 */
export function listQuery<S extends z.ZodType>(
  schema: S,
  page: PageArgsShape,
  filters: Readonly<Record<string, unknown>> = {},
): z.output<S> {
  return validate(
    schema,
    presentArgs({ ...filters, limit: page.limit, cursor: page.cursor }),
    'arguments',
  );
}

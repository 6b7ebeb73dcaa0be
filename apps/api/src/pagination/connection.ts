import { Field, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import type { Page } from '@fenceline/data-access';

/** Where a GraphQL connection's page ends and whether another follows. */
@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'pass as `cursor` for the next page' })
  endCursor!: string | null;
  @Field(() => Boolean) hasNextPage!: boolean;
}

/** A connection of a GraphQL list: `nodes` plus `pageInfo { endCursor, hasNextPage }`. */
export interface ConnectionShape<T> {
  nodes: T[];
  pageInfo: PageInfo;
}

/**
 * The connection type of an object type, named `<Name>Connection`.
 *
 * @example @ObjectType('ClusterConnection') class ClusterConnection extends Connection(ClusterModel) {}
 */
export function Connection<T>(node: Type<T>): Type<ConnectionShape<T>> {
  @ObjectType({ isAbstract: true })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [node]) nodes!: T[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
  }
  return ConnectionType;
}

/** A page as a GraphQL connection. */
export function toConnection<T, N>(page: Page<T>, map: (item: T) => N): ConnectionShape<N> {
  return {
    nodes: page.items.map(map),
    pageInfo: { endCursor: page.nextCursor, hasNextPage: page.nextCursor !== null },
  };
}

import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/** The error code of a query whose estimated cost is over the limit. */
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

/**
 * The largest page any list serves (audit events'): a larger `limit` is refused by the list's
 * argument validation (`INVALID`, as REST answers it), so the estimate never counts more.
 */
export const LARGEST_PAGE_SIZE = 10_000;

/**
 * Every field costs 1 plus what it selects; a field that pages (it takes `limit`) costs what it
 * selects once per item it may return: the `limit` the query gives, else the argument's default
 * in the schema — each list's own page size (pagination/page.args.ts: 500, audit events 1,000),
 * which graphql-query-complexity fills in as execution would — and `defaultPageSize` only for a
 * paged field without one. So `clusters(limit: 100) { coverage { totalPods } }` costs 1 + 100 × 2
 * and `auditEvents { id }` 1 + 1,000 × 1; a connection's `pageInfo` is counted per item too (a
 * small over-estimate, on the safe side). Lists that do not page (labels, namespaces) are
 * bounded by their parent and count once.
 */
export function listFanOutEstimator(defaultPageSize: number): ComplexityEstimator {
  return ({ field, args, childComplexity }) => {
    const limitArg = field.args.find((a) => a.name === 'limit');
    if (!limitArg) return 1 + childComplexity;
    const limit: unknown = args['limit'];
    // An explicit `limit: null` is the list's default page too (the resolvers drop nulls).
    const byDefault =
      typeof limitArg.defaultValue === 'number' ? limitArg.defaultValue : defaultPageSize;
    const pageSize =
      typeof limit === 'number' && limit > 0 ? Math.min(limit, LARGEST_PAGE_SIZE) : byDefault;
    return 1 + childComplexity * pageSize;
  };
}

/** The estimated cost of an operation of a document (see {@link listFanOutEstimator}). */
export function queryComplexity(options: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null | undefined;
  variables?: Record<string, unknown> | undefined;
  defaultPageSize: number;
}): number {
  return getComplexity({
    schema: options.schema,
    query: options.document,
    ...(options.operationName ? { operationName: options.operationName } : {}),
    ...(options.variables ? { variables: options.variables } : {}),
    estimators: [listFanOutEstimator(options.defaultPageSize)],
  });
}

/**
 * Refuses, before anything runs, an operation whose estimated cost exceeds `maxComplexity`:
 * a GraphQL error with code `QUERY_TOO_COMPLEX` and the computed and allowed complexity in its
 * extensions, answered with HTTP 400. It runs after validation, so the depth and field-count
 * rules still answer first; it needs the variables (a `limit` may be one), which validation
 * rules never see — hence a plugin.
 */
export function complexityPlugin(options: {
  maxComplexity: number;
  defaultPageSize: number;
}): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ request, document, schema }) {
          const complexity = queryComplexity({
            schema,
            document,
            operationName: request.operationName,
            variables: request.variables,
            defaultPageSize: options.defaultPageSize,
          });
          if (complexity > options.maxComplexity)
            throw new GraphQLError(
              `query complexity ${complexity} exceeds the limit of ${options.maxComplexity}`,
              {
                extensions: {
                  code: QUERY_TOO_COMPLEX,
                  complexity,
                  maxComplexity: options.maxComplexity,
                  http: { status: 400 },
                },
              },
            );
          return Promise.resolve();
        },
      });
    },
  };
}

import { type ArgumentsHost, Catch, Logger } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { mapError } from './error-mapping';
import { requestIdOf } from '../logging/request-id-of';

/**
 * GraphQL answers errors in the body: the same codes (and HTTP statuses) as REST in
 * `extensions`, with the `issues` of a refused input; an unexpected error is `INTERNAL` with a
 * correlation id and nothing internal.
 */
@Catch()
export class GraphqlErrorFilter implements GqlExceptionFilter {
  private readonly logger = new Logger(GraphqlErrorFilter.name);

  catch(error: unknown, host?: ArgumentsHost): GraphQLError {
    if (error instanceof GraphQLError) return error;
    const mapped = mapError(error);
    if (mapped)
      return new GraphQLError(mapped.message, {
        extensions: {
          code: mapped.code,
          status: mapped.status,
          ...(mapped.issues ? { issues: mapped.issues } : {}),
        },
      });
    const correlationId = requestIdOf(host) ?? randomUUID();
    this.logger.error({
      correlationId,
      error: error instanceof Error ? error.stack : String(error),
    });
    return new GraphQLError('internal error', { extensions: { code: 'INTERNAL', correlationId } });
  }
}

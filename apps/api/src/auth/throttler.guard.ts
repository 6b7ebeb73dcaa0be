import { type ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard } from '@nestjs/throttler';

/** The rate limit for REST and GraphQL alike (GraphQL calls carry their request in the context). */
@Injectable()
export class AppThrottlerGuard extends ThrottlerGuard {
  protected override getRequestResponse(context: ExecutionContext): {
    req: Record<string, unknown>;
    res: Record<string, unknown>;
  } {
    if (context.getType<string>() === 'graphql') {
      const req = GqlExecutionContext.create(context).getContext<{
        req: Record<string, unknown> & { res: Record<string, unknown> };
      }>().req;
      return { req, res: req.res };
    }
    return super.getRequestResponse(context);
  }
}

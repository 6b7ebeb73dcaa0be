import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Principal, Role } from '@fenceline/data-access';

export const REQUIRED_ROLE = 'fenceline:required-role';

/** The least role a route needs (viewer < editor < approver < admin). */
export const RequireRole = (role: Role) => SetMetadata(REQUIRED_ROLE, role);

/** The HTTP request behind a REST call or a GraphQL operation. */
export function requestOf<T>(context: ExecutionContext): T {
  if (context.getType<string>() === 'graphql')
    return GqlExecutionContext.create(context).getContext<{ req: T }>().req;
  return context.switchToHttp().getRequest<T>();
}

/** The authenticated caller, set by {@link ApiKeyGuard}. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Principal => {
    return requestOf<{ principal: Principal }>(ctx).principal;
  },
);

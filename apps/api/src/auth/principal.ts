import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Principal, Role } from '@fenceline/data-access';

export const REQUIRED_ROLE = 'fenceline:required-role';

/** The least role a route needs (viewer < editor < approver < admin). */
export const RequireRole = (role: Role) => SetMetadata(REQUIRED_ROLE, role);

/** The authenticated caller, set by {@link ApiKeyGuard}. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  return (ctx.switchToHttp().getRequest<{ principal: Principal }>()).principal;
});

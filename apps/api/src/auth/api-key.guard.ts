import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@fenceline/contracts';
import { Reflector } from '@nestjs/core';
import { ApiKeyRepository, roleAtLeast, type Role } from '@fenceline/data-access';
import { REQUIRED_ROLE, requestOf } from './principal';

/** `Authorization: Bearer <api key>`: unknown or revoked → 401; too weak a role → 403. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    @Inject(ApiKeyRepository) private readonly keys: ApiKeyRepository,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf<{ headers: Record<string, string | undefined>; principal?: unknown }>(
      context,
    );
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers['authorization'] ?? '');
    const principal = match ? await this.keys.authenticate(match[1] as string) : undefined;
    if (!principal)
      throw new DomainError(
        'UNAUTHENTICATED',
        'a valid API key is required (Authorization: Bearer <key>)',
      );
    const required =
      this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [
        context.getHandler(),
        context.getClass(),
      ]) ?? 'viewer';
    if (!roleAtLeast(principal.role, required)) {
      throw new DomainError('FORBIDDEN', `this needs the ${required} role`);
    }
    request.principal = principal;
    return true;
  }
}

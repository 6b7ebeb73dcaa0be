import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@fenceline/contracts';
import { AgentTokenRepository } from '@fenceline/data-access';

/** `Authorization: Bearer <agent token>`: the token names the one cluster it may push for. */
@Injectable()
export class AgentGuard implements CanActivate {
  constructor(@Inject(AgentTokenRepository) private readonly tokens: AgentTokenRepository) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; agent?: unknown }>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers['authorization'] ?? '');
    const agent = match ? await this.tokens.authenticate(match[1] as string) : undefined;
    if (!agent)
      throw new DomainError(
        'UNAUTHENTICATED',
        'a valid agent token is required (Authorization: Bearer <token>)',
      );
    request.agent = agent;
    return true;
  }
}

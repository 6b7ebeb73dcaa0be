import type { ArgumentsHost } from '@nestjs/common';

/**
 * The id the request log gave the request being handled (`req.id`, set by pino-http), for REST
 * and for GraphQL (whose context holds the request); undefined outside a request.
 */
export function requestIdOf(host: ArgumentsHost | undefined): string | undefined {
  if (!host) return undefined;
  const req: unknown =
    host.getType<string>() === 'graphql'
      ? host.getArgByIndex<{ req?: unknown } | undefined>(2)?.req
      : host.switchToHttp().getRequest<unknown>();
  const id = typeof req === 'object' && req !== null ? (req as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

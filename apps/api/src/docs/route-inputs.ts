import type { INestApplication, Type } from '@nestjs/common';
import { GUARDS_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { z } from 'zod';
import { ZodBody, ZodQuery } from '../errors/zod-body.pipe';

/** What the docs need to know about one controller method, found on its decorators. */
export interface RouteFacts {
  /** The zod schema its body is validated with, if any. */
  readonly body?: z.ZodType;
  /** The zod schema its query string is validated with, if any. */
  readonly query?: z.ZodType;
  /** Whether a guard (API key or agent token) protects it. */
  readonly authenticated: boolean;
  /** Whether the global rate limit applies (not `@SkipThrottle()`). */
  readonly throttled: boolean;
}

interface RouteArg {
  readonly index: number;
  readonly pipes?: readonly unknown[];
}

/** `@SkipThrottle()` of @nestjs/throttler for the default throttler. */
const SKIP_THROTTLE = 'THROTTLER:SKIPdefault';

/**
 * The facts of every controller method by Swagger's default operation id
 * (`<Controller>_<method>`): the zod pipes on its `@Body()` and `@Query()` are the schemas the
 * route validates with, so the document cannot drift from the validation.
 */
export function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        if (method === 'constructor') continue;
        facts.set(`${controller.name}_${method}`, factsOf(controller, method));
      }
    }
  }
  return facts;
}

function factsOf(controller: Type, method: string): RouteFacts {
  const handler: unknown = controller.prototype[method];
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<
    string,
    RouteArg
  >;
  let body: z.ZodType | undefined;
  let query: z.ZodType | undefined;
  for (const [key, arg] of Object.entries(args)) {
    const type = Number(key.split(':')[0]);
    for (const pipe of arg.pipes ?? []) {
      if (type === RouteParamtypes.BODY && pipe instanceof ZodBody) body = pipe.schema;
      if (type === RouteParamtypes.QUERY && pipe instanceof ZodQuery) query = pipe.schema;
    }
  }
  const guards = [
    ...((Reflect.getMetadata(GUARDS_METADATA, controller) as unknown[] | undefined) ?? []),
    ...((Reflect.getMetadata(GUARDS_METADATA, handler as object) as unknown[] | undefined) ?? []),
  ];
  const skip =
    Reflect.getMetadata(SKIP_THROTTLE, controller) === true ||
    Reflect.getMetadata(SKIP_THROTTLE, handler as object) === true;
  return { body, query, authenticated: guards.length > 0, throttled: !skip };
}

import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { documentErrors, errorBodySchema, errorStatuses } from './docs/error-responses';
import { jsonSchemaOf, type JsonSchema } from './docs/json-schema';
import { documentResponse } from './docs/response-docs';
import { RESPONSES } from './docs/responses';
import { type RouteFacts, routeFacts } from './docs/route-inputs';
import { INGEST_PATH } from './http-setup';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Parameter = Extract<NonNullable<Operation['parameters']>[number], { in: string }>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/**
 * The OpenAPI 3.1 document of the REST API: request bodies and query parameters from the zod
 * schemas the routes validate with, response schemas from the routes' decorators, and every
 * refusal an operation can answer with, all with the one error body.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Fenceline API')
    .setDescription(
      'Clusters, agent ingest and the analysed connectivity of Kubernetes NetworkPolicies. Errors are { code, message } (plus issues for bad input).',
    )
    .setVersion('0.1.0')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'API key (flk_...) or, for /v1/agent/snapshots, an agent token (fla_...)',
    })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const facts = routeFacts(app);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const route = facts.get(operation.operationId ?? '');
      if (route) documentInputs(operation, route);
      const answer = RESPONSES[operation.operationId ?? ''];
      if (answer) documentResponse(operation, answer);
      documentErrors(
        operation,
        errorStatuses(path, {
          validates: route?.query !== undefined || route?.body !== undefined,
          hasBody: route?.body !== undefined || operation.requestBody !== undefined,
          authenticated: route?.authenticated ?? false,
          throttled: route?.throttled ?? true,
          encodedBody: path === INGEST_PATH,
          conflicts: answer?.conflict !== undefined,
        }),
        answer?.conflict ? { 409: answer.conflict } : {},
      );
    }
  }
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ErrorBody: errorBodySchema as JsonSchema },
  };
  return stripDialects(document) as OpenAPIObject;
}

/** OpenAPI: the UI at /docs, the document at /docs-json. */
export function configureDocs(app: INestApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}

/** The body and the query parameters of an operation, from the zod schemas it validates with. */
function documentInputs(operation: Operation, route: RouteFacts): void {
  if (route.body) {
    const required = !route.body.safeParse(undefined).success;
    operation.requestBody = {
      required,
      content: { 'application/json': { schema: jsonSchemaOf(route.body, 'input') } },
    };
  }
  if (route.query) {
    const schema = jsonSchemaOf(route.query, 'input');
    const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema['required'] ?? []) as string[]);
    const others = (operation.parameters ?? []).filter(
      (p) => !('in' in p) || p.in !== 'query' || !(p.name in properties),
    );
    const described = new Map(
      (operation.parameters ?? [])
        .filter((p): p is Parameter => 'in' in p && p.in === 'query')
        .map((p) => [p.name, p.description]),
    );
    operation.parameters = [
      ...others,
      ...Object.entries(properties).map(([name, property]) => ({
        name,
        in: 'query' as const,
        required: required.has(name) && property['default'] === undefined,
        ...(described.get(name) ? { description: described.get(name) } : {}),
        schema: property,
      })),
    ];
  }
}

/**
 * Removes the `$schema` of schemas embedded by controllers (`z.toJSONSchema` output): inside an
 * OpenAPI 3.1 document the dialect is the document's own.
 */
function stripDialects(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripDialects);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== '$schema')
      .map(([key, v]) => [key, stripDialects(v)]),
  );
}

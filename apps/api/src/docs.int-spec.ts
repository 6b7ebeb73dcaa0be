import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIObject } from '@nestjs/swagger';
import request from 'supertest';
import { testApp } from '../test/test-app';
import { buildOpenApiDocument } from './docs';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function operationsOf(document: OpenAPIObject): Array<[string, Operation]> {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((m) => (item[m] ? [[`${m.toUpperCase()} ${path}`, item[m]] as const] : [])),
  ) as Array<[string, Operation]>;
}

/** The `$ref` of a response's JSON body schema, if it has one. */
function schemaRefOf(response: unknown): string | undefined {
  const typed = response as { content?: Record<string, { schema?: { $ref?: string } }> };
  return typed?.content?.['application/json']?.schema?.$ref;
}

describe('the OpenAPI document', () => {
  let env: Awaited<ReturnType<typeof testApp>>;
  let document: OpenAPIObject;

  beforeAll(async () => {
    env = await testApp();
    document = buildOpenApiDocument(env.app);
  });
  afterAll(() => env.close());

  it('is a valid OpenAPI 3.1 document (swagger-parser finds no error)', async () => {
    expect(document.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
  });

  it('is the document served at /docs-json', async () => {
    const served = await request(env.app.getHttpServer()).get('/docs-json');
    expect(served.status).toBe(200);
    expect(served.body.openapi).toBe('3.1.0');
    expect(Object.keys(served.body.paths).sort()).toEqual(Object.keys(document.paths).sort());
  });

  it('documents a 2xx answer with a schema for every operation (204: no body)', () => {
    const missing = operationsOf(document).flatMap(([name, op]) => {
      const ok = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
      if (ok.length === 0) return [`${name}: no 2xx`];
      return ok
        .filter(([status, r]) => {
          const content = r && 'content' in r ? r.content : undefined;
          if (status === '204') return content !== undefined;
          return !content || Object.values(content).some((m) => !m.schema);
        })
        .map(
          ([status]) =>
            `${name}: ${status} ${status === '204' ? 'with a body' : 'without a schema'}`,
        );
    });
    expect(missing).toEqual([]);
  });

  it('shows the JSON shapes the routes return', () => {
    const schemaOf = (path: string, method: 'get' | 'post', status: string) => {
      const response = document.paths[path]?.[method]?.responses[status];
      return response && 'content' in response
        ? response.content?.['application/json']?.schema
        : undefined;
    };
    expect(schemaOf('/v1/clusters/{id}', 'get', '200')).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['id', 'name', 'environment', 'labels', 'analysis']),
    });
    // A list answers a JSON array (the next page is in Link / X-Next-Cursor).
    expect(schemaOf('/v1/clusters', 'get', '200')).toMatchObject({
      type: 'array',
      items: { type: 'object' },
    });
    expect(schemaOf('/v1/agent/snapshots', 'post', '202')).toMatchObject({
      properties: { status: { enum: ['accepted', 'duplicate'] } },
    });
  });

  it('documents at least one 4xx for every operation that takes input or a credential', () => {
    const missing = operationsOf(document)
      .filter(([, op]) => (op.parameters?.length ?? 0) > 0 || op.requestBody || op.security)
      .filter(([, op]) => !Object.keys(op.responses).some((s) => /^4\d\d$/.test(s)))
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('answers every 4xx with the one error body', () => {
    const off = operationsOf(document).flatMap(([name, op]) =>
      Object.entries(op.responses)
        .filter(([status]) => /^4\d\d$/.test(status))
        .filter(([, r]) => schemaRefOf(r) !== '#/components/schemas/ErrorBody')
        .map(([status]) => `${name} ${status}`),
    );
    expect(off).toEqual([]);
    expect(document.components?.schemas?.['ErrorBody']).toMatchObject({
      required: ['code', 'message'],
    });
  });

  it('documents 404 where a resource id is in the path, 401 where a credential is needed', () => {
    const off = operationsOf(document).flatMap(([name, op]) => [
      ...(name.includes('{') && !op.responses['404'] ? [`${name} 404`] : []),
      ...(op.security && !op.responses['401'] ? [`${name} 401`] : []),
    ]);
    expect(off).toEqual([]);
  });

  it('takes the query parameters from the zod schema the route validates with', () => {
    const list = document.paths['/v1/clusters']?.get;
    const names = (list?.parameters ?? []).map((p) => ('name' in p ? p.name : p.$ref));
    expect(names).toEqual(expect.arrayContaining(['environment', 'limit', 'cursor']));
    const body = document.paths['/v1/clusters']?.post?.requestBody;
    expect(body).toMatchObject({
      required: true,
      content: { 'application/json': { schema: { required: ['name', 'environment'] } } },
    });
  });

  it('documents the next-page headers (Link, X-Next-Cursor) on every paginated list', () => {
    const lists = operationsOf(document).filter(([, op]) =>
      (op.parameters ?? []).some((p) => 'name' in p && p.name === 'cursor'),
    );
    expect(lists.length).toBeGreaterThan(5);
    for (const [id, op] of lists) {
      const ok = op.responses['200'];
      const headers = ok && 'headers' in ok ? Object.keys(ok.headers ?? {}) : [];
      expect([id, headers]).toEqual([id, expect.arrayContaining(['Link', 'X-Next-Cursor'])]);
    }
  });
});

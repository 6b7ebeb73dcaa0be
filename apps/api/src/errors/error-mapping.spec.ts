import { NotFoundException } from '@nestjs/common';
import { DomainError } from '@fenceline/contracts';
import { DataAccessError } from '@fenceline/data-access';
import { GraphqlErrorFilter } from './graphql-error.filter';
import { mapError } from './error-mapping';
import { statusOf } from './http-error.filter';

describe('mapError', () => {
  it.each([
    [new DomainError('NOT_FOUND', 'x'), 404, 'NOT_FOUND'],
    [new DomainError('INVALID', 'x'), 400, 'INVALID'],
    [new DomainError('FORBIDDEN', 'x'), 403, 'FORBIDDEN'],
    [new DomainError('SELF_APPROVAL', 'x'), 403, 'SELF_APPROVAL'],
    [new DataAccessError('CONFLICT', 'x'), 409, 'CONFLICT'],
    [new NotFoundException('Cannot GET /nope'), 404, 'NOT_FOUND'],
    [
      Object.assign(new Error('too big'), { status: 413, type: 'entity.too.large' }),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
  ])('maps %p to %i %s', (error, status, code) => {
    expect(mapError(error)).toMatchObject({ status, code });
    expect(statusOf(error)).toBe(status);
  });

  it('keeps the issues of a refused input', () => {
    const issues = [{ path: 'name', message: 'required' }];
    expect(mapError(new DomainError('INVALID', 'invalid request body', issues))).toEqual({
      status: 400,
      code: 'INVALID',
      message: 'invalid request body',
      issues,
    });
  });

  it('leaves unexpected errors to the transport (500 with a correlation id)', () => {
    expect(mapError(new TypeError('x is undefined'))).toBeUndefined();
    expect(statusOf(new TypeError('x is undefined'))).toBe(500);
  });
});

describe('GraphqlErrorFilter', () => {
  const filter = new GraphqlErrorFilter();

  it('answers a coded error with the REST code and status in extensions', () => {
    const error = filter.catch(new DomainError('NOT_FOUND', 'cluster c not found'));
    expect([error.message, error.extensions]).toEqual([
      'cluster c not found',
      { code: 'NOT_FOUND', status: 404 },
    ]);
  });

  it('answers an unexpected error INTERNAL with a correlation id and nothing internal', () => {
    const error = filter.catch(new Error('connection string postgres://secret'));
    expect(error.message).toBe('internal error');
    expect(error.extensions).toEqual({
      code: 'INTERNAL',
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });
});

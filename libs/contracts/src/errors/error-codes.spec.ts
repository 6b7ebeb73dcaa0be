import { DomainError, ERROR_CODES, ERROR_STATUS } from './error-codes';

describe('error codes', () => {
  it.each([
    ['NOT_FOUND', 404],
    ['INVALID', 400],
    ['FORBIDDEN', 403],
    ['SELF_APPROVAL', 403],
    ['CONFLICT', 409],
    ['UNAUTHENTICATED', 401],
    ['INTERNAL', 500],
  ] as const)('%s is answered with %i', (code, status) => {
    expect(new DomainError(code, 'x').status).toBe(status);
  });

  it('lists every code once, each with a 4xx or 5xx status', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
  });

  it('carries the issues of a refused input', () => {
    const error = new DomainError('INVALID', 'invalid request body', [
      { path: 'name', message: 'too short' },
    ]);
    expect([error.code, error.message, error.issues]).toEqual([
      'INVALID',
      'invalid request body',
      [{ path: 'name', message: 'too short' }],
    ]);
    expect(error).toBeInstanceOf(Error);
  });
});

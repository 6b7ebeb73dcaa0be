import { isDns1123Label, isDns1123Subdomain, labelKeyError, labelValueError } from './label-syntax';

const a = (n: number): string => 'a'.repeat(n);
/** A valid DNS subdomain of exactly `n` characters: labels of at most 63 joined by dots. */
function subdomain(n: number): string {
  const labels: string[] = [];
  let left = n;
  while (left > 0) {
    const take = left <= 63 ? left : Math.min(63, left - 2);
    labels.push(a(take));
    left -= take + 1;
  }
  return labels.join('.');
}

describe('labelKeyError', () => {
  it.each([
    'app',
    'a',
    '1',
    'A_b.c-D',
    'app.kubernetes.io/name',
    'kubernetes.io/metadata.name',
    'example.com/App_Name',
    'x/y',
    a(63),
    `${subdomain(253)}/${a(63)}`,
  ])('accepts %s', (key) => {
    expect(labelKeyError(key)).toBeUndefined();
  });

  it.each([
    ['empty key', ''],
    ['empty name after prefix', 'example.com/'],
    ['empty prefix', '/app'],
    ['name of 64 characters', a(64)],
    ['prefix of 254 characters', `${subdomain(254)}/app`],
    ['uppercase prefix', 'Example.com/app'],
    ['prefix with underscore', 'my_domain/app'],
    ['prefix ending with a dot', 'example./app'],
    ['two slashes', 'a/b/c'],
    ['name starting with -', '-app'],
    ['name ending with .', 'app.'],
    ['name starting with _', '_app'],
    ['space', 'my app'],
    ['other punctuation', 'app:name'],
  ])('rejects %s', (_name, key) => {
    expect(labelKeyError(key)).toEqual(expect.any(String));
  });

  it('checks the 63-character limit on the name part only', () => {
    expect(labelKeyError(`example.com/${a(63)}`)).toBeUndefined();
    expect(labelKeyError(`example.com/${a(64)}`)).toMatch(/63/);
  });
});

describe('labelValueError', () => {
  it.each(['', 'web', 'v1.2.3', 'A-b_C.d', '0', a(63)])('accepts %j', (value) => {
    expect(labelValueError(value)).toBeUndefined();
  });

  it.each([
    ['64 characters', a(64)],
    ['leading -', '-web'],
    ['trailing _', 'web_'],
    ['slash', 'a/b'],
    ['space', 'a b'],
    ['single dot', '.'],
  ])('rejects %s', (_name, value) => {
    expect(labelValueError(value)).toEqual(expect.any(String));
  });
});

describe('DNS names', () => {
  it.each<[string, boolean, boolean]>([
    ['default', true, true],
    ['kube-system', true, true],
    ['a.b', false, true],
    ['Shop', false, false],
    ['-shop', false, false],
    ['shop-', false, false],
    ['', false, false],
    [a(63), true, true],
    // the API server checks only the total length of a subdomain, not each label
    [a(64), false, true],
    [subdomain(253), false, true],
    [subdomain(254), false, false],
  ])('%j: label %s, subdomain %s', (name, label, sub) => {
    expect(isDns1123Label(name)).toBe(label);
    expect(isDns1123Subdomain(name)).toBe(sub);
  });

  it('builds subdomains of the requested length', () => {
    expect(subdomain(253)).toHaveLength(253);
    expect(subdomain(254)).toHaveLength(254);
  });
});

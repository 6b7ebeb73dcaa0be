import { FENCELINE_OSCAL_NAMESPACE, URL_NAMESPACE, uuidV5 } from './deterministic-uuid';

describe('uuidV5', () => {
  // Expected values from Python's uuid.uuid5, an independent implementation of RFC 9562.
  it.each([
    ['python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8', '886313e1-3b8a-5372-9b90-0c9aee199e5d'],
    ['https://fenceline.dev/ns/oscal', URL_NAMESPACE, 'e4bf0411-2638-5fe6-9f80-862c784ee64b'],
    ['héllo', URL_NAMESPACE, '102d6fae-a0b0-5a7a-b980-5e8cfb1690db'],
  ])('%s in %s → %s', (name, namespace, expected) => {
    expect(uuidV5(name, namespace)).toBe(expected);
  });

  it('sets version 5 and the RFC variant', () => {
    for (let i = 0; i < 50; i++)
      expect(uuidV5(String(i), FENCELINE_OSCAL_NAMESPACE)).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
  });

  it('rejects a malformed name space', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow(TypeError);
  });
});

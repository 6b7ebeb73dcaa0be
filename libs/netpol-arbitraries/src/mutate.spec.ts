import { mutateAt } from './mutate';

describe('mutateAt', () => {
  it.each([
    ['an empty path replaces the whole value', { a: 1 }, [], 'x', 'x'],
    ['a scalar is replaced whole', 7, [0, 1], 'x', 'x'],
    ['an empty object is replaced whole', {}, [0], 'x', 'x'],
    ['an index picks a key in insertion order', { a: 1, b: 2 }, [1], 'x', { a: 1, b: 'x' }],
    ['an index wraps around', { a: 1, b: 2 }, [3], 'x', { a: 1, b: 'x' }],
    ['a path goes down objects and arrays', { a: [1, 2] }, [0, 3], null, { a: [1, null] }],
    ['a path longer than the value stops at a leaf', [{ k: 'v' }], [0, 0, 5, 5], 1, [{ k: 1 }]],
  ])('%s', (_name, value, path, replacement, expected) => {
    expect(mutateAt(value, path, replacement)).toEqual(expected);
  });

  it('leaves its input alone', () => {
    const value = { a: [1, 2], b: { c: 3 } };
    mutateAt(value, [0, 1], 'x');
    mutateAt(value, [1, 0], 'y');
    expect(value).toEqual({ a: [1, 2], b: { c: 3 } });
  });
});

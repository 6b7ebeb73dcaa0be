import { ClassSet } from './class-set';

const members = (set: ClassSet): number[] => {
  const ids: number[] = [];
  set.forEach((id) => ids.push(id));
  return ids;
};

describe('ClassSet', () => {
  it.each([
    ['sparse (few of many)', [7, 3, 3, 900], 1000, [3, 7, 900]],
    ['dense (many of few)', [0, 2, 4, 6, 8, 10], 12, [0, 2, 4, 6, 8, 10]],
    ['every class', [2, 1, 0], 3, [0, 1, 2]],
    ['empty', [], 5, []],
  ])('%s: has() and forEach() agree with the ids given', (_name, ids, universe, expected) => {
    const set = ClassSet.of(ids, universe);
    expect(members(set)).toEqual(expected);
    expect(set.size).toBe(expected.length);
    for (let id = 0; id < universe; id++) expect(set.has(id)).toBe(expected.includes(id));
  });

  it('fromSorted and of build the same set', () => {
    expect(members(ClassSet.fromSorted([1, 5, 9], 64))).toEqual(
      members(ClassSet.of([9, 1, 5], 64)),
    );
  });

  it('union merges sparse, dense and all', () => {
    const a = ClassSet.of([1, 2], 100);
    const b = ClassSet.of([2, 50], 100);
    expect(members(ClassSet.union([a, b], 100))).toEqual([1, 2, 50]);
    expect(ClassSet.union([a, ClassSet.all(100)], 100).all).toBe(true);
    expect(ClassSet.union([ClassSet.EMPTY, ClassSet.EMPTY], 100).size).toBe(0);
  });
});

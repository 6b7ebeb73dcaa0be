import { DataAccessError } from '../data-access-error';
import { decodeCursor, encodeCursor, pageArgs, pageOf, pageOfArray } from './page';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('cursor pagination', () => {
  it('round-trips a cursor and refuses anything else as INVALID', () => {
    expect(decodeCursor(encodeCursor(id(1)))).toBe(id(1));
    for (const bad of ['x', encodeCursor('not-a-uuid'), `${encodeCursor(id(1))}=`])
      expect(() => decodeCursor(bad)).toThrow(DataAccessError);
  });

  it('asks for one row more than the page and announces the next page by the last id', () => {
    expect(pageArgs({ limit: 2 })).toEqual({ take: 3 });
    expect(pageArgs({ limit: 2, cursor: encodeCursor(id(2)) })).toEqual({
      take: 3,
      cursor: { id: id(2) },
      skip: 1,
    });
    const rows = [1, 2, 3].map((n) => ({ id: id(n) }));
    expect(pageOf(rows, { limit: 2 }, (r) => r.id)).toEqual({
      items: [id(1), id(2)],
      nextCursor: encodeCursor(id(2)),
    });
    expect(pageOf(rows.slice(0, 2), { limit: 2 }, (r) => r.id).nextCursor).toBeNull();
  });

  it('walks an in-memory list page by page, every item once', () => {
    const all = ['a', 'b', 'c', 'd', 'e'];
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = pageOfArray(all, { limit: 2, ...(cursor ? { cursor } : {}) }, (x) => x);
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect([seen, pages]).toEqual([all, 3]);
    expect(() => pageOfArray(all, { limit: 2, cursor: encodeCursor('z') }, (x) => x)).toThrow(
      DataAccessError,
    );
  });
});

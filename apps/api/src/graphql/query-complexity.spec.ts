import { buildSchema, parse } from 'graphql';
import { LARGEST_PAGE_SIZE, queryComplexity } from './query-complexity';

const schema = buildSchema(`
  type Item { id: ID!, name: String!, tags: [String!]!, children(limit: Int): [Item!]! }
  type Query { items(limit: Int): [Item!]!, item(id: ID!): Item, big(limit: Int = 40): [Item!]! }
`);

const cost = (query: string, variables?: Record<string, unknown>, defaultPageSize = 50) =>
  queryComplexity({ schema, document: parse(query), variables, defaultPageSize });

describe('queryComplexity (list fan-out)', () => {
  it('counts one per field when nothing pages', () => {
    expect(cost('{ item(id: "1") { id name tags } }')).toBe(1 + 3);
  });

  it("multiplies a paged field's selection by its limit, from a literal or a variable", () => {
    expect(cost('{ items(limit: 10) { id name } }')).toBe(1 + 10 * 2);
    expect(cost('query($n: Int) { items(limit: $n) { id name } }', { n: 7 })).toBe(1 + 7 * 2);
  });

  it('counts a limit beyond every list maximum as the largest page (validation refuses it)', () => {
    expect(cost('{ items(limit: 100000000) { id } }')).toBe(1 + LARGEST_PAGE_SIZE * 1);
  });

  it('uses the default page size when a paged field names no limit', () => {
    expect(cost('{ items { id } }', undefined, 50)).toBe(1 + 50 * 1);
    expect(cost('{ items { id } }', undefined, 500)).toBe(1 + 500 * 1);
  });

  it("counts a paged field without limit at its argument's default (the list's own page size)", () => {
    expect(cost('{ big { id name } }', undefined, 500)).toBe(1 + 40 * 2);
    expect(cost('{ big(limit: 3) { id name } }', undefined, 500)).toBe(1 + 3 * 2);
    // An explicit null is the list's default page too (the resolvers drop nulls).
    expect(cost('{ big(limit: null) { id } }', undefined, 500)).toBe(1 + 40 * 1);
  });

  it('multiplies nested pages', () => {
    expect(cost('{ items(limit: 10) { id children(limit: 3) { id name } } }')).toBe(
      1 + 10 * (1 + (1 + 3 * 2)),
    );
  });

  it('counts a fragment spread as its fields', () => {
    expect(cost('fragment F on Item { id name } { items(limit: 4) { ...F } }')).toBe(1 + 4 * 2);
  });
});

import { buildSchema, parse, validate } from 'graphql';
import { complexityLimit, depthLimit } from './query-limits';

const schema = buildSchema(`
  type Node { id: ID! name: String child: Node }
  type Query { node: Node }
`);

const errors = (query: string, rule: ReturnType<typeof depthLimit>) =>
  validate(schema, parse(query), [rule]).map((e) => e.message);

describe('GraphQL query limits', () => {
  it('measures depth through fields, inline fragments and named fragments', () => {
    expect(errors('{ node { child { child { id } } } }', depthLimit(4))).toEqual([]);
    expect(errors('{ node { child { child { child { id } } } } }', depthLimit(4))).toEqual([
      'query depth 5 exceeds the limit of 4',
    ]);
    expect(
      errors(
        'fragment D on Node { child { child { child { id } } } } { node { ...D } }',
        depthLimit(4),
      ),
    ).toEqual(['query depth 5 exceeds the limit of 4']);
    expect(
      errors('{ node { ... on Node { child { child { child { id } } } } } }', depthLimit(4)),
    ).toEqual(['query depth 5 exceeds the limit of 4']);
  });

  it('counts every field, each spread of a fragment again (as executed)', () => {
    expect(errors('{ node { id name } }', complexityLimit(3))).toEqual([]);
    expect(
      errors(
        'fragment F on Node { id name } { node { a: child { ...F } b: child { ...F } } }',
        complexityLimit(6),
      ),
    ).toEqual(['query selects 7 fields, more than 6']);
  });
});

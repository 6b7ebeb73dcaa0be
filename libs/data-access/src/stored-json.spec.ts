import { z } from 'zod';
import { CorruptDataError } from './data-access-error';
import { jsonObjectSchema, parseColumn } from './stored-json';

const where = { table: 'Cluster', id: '7f0c…', field: 'labels' };

describe('parseColumn', () => {
  it('returns the value its schema parses, keeping what a loose object does not name', () => {
    const schema = z.looseObject({ name: z.string() });
    expect(parseColumn(schema, { name: 'web', extra: [1] }, where)).toEqual({
      name: 'web',
      extra: [1],
    });
    expect(parseColumn(jsonObjectSchema, { a: { b: null } }, where)).toEqual({ a: { b: null } });
  });

  it.each([
    [z.record(z.string(), z.string()), { team: 7 }, 'labels (team: '],
    [z.array(z.object({ src: z.string() })), [{ src: 'a' }, {}], 'labels ([1].src: '],
    [z.object({ a: z.array(z.object({ b: z.int() })) }), { a: [{ b: 1.5 }] }, 'labels (a[0].b: '],
    [jsonObjectSchema, 'text', 'labels (Invalid input: expected record, received string)'],
  ])(
    'refuses %#: a CORRUPT_DATA error naming table, row, field and path',
    (schema, value, detail) => {
      let error: unknown;
      try {
        parseColumn(schema, value, where);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CorruptDataError);
      expect(error).toMatchObject({ code: 'CORRUPT_DATA', table: 'Cluster', rowId: '7f0c…' });
      expect((error as Error).message).toContain(
        `stored Cluster 7f0c… does not match the schema: ${detail}`,
      );
    },
  );
});

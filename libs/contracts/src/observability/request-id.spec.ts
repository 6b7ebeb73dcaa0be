import { requestIdFrom } from './request-id';

describe('requestIdFrom', () => {
  it.each(['abc-123', '4bf92f3577b34da6a3ce929d0e0e4736', 'req.1:2_3'])(
    'keeps the sane id %s',
    (id) => {
      expect(requestIdFrom(id)).toBe(id);
    },
  );

  it.each([undefined, '', 'a\nb', 'has space', 'x'.repeat(129), ['a', 'b'], '<script>'])(
    'replaces %p with a new UUID',
    (header) => {
      expect(requestIdFrom(header)).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
    },
  );
});

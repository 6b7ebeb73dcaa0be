import { flatString } from './memory';

describe('flatString', () => {
  it.each([
    ['canonical JSON', '{"labels":{"app":"web"},"name":"web-0","namespace":"shop"}'],
    ['quotes, backslashes and control characters', 'a"b\\c\u0000d\ne\tf'],
    ['text beyond Latin-1 and beyond the BMP', 'café — 東京 🙂'],
    ['a lone surrogate', 'x\ud800y'],
    ['the empty string', ''],
  ])('gives back the same text: %s', (_, text) => {
    // Built from pieces, as canonicalJson builds its output.
    const pieces = `${text.slice(0, 3)}${text.slice(3)}`;
    expect(flatString(pieces)).toBe(text);
    expect(flatString(pieces)).toHaveLength(text.length);
  });
});

import { toWinAnsi } from './win-ansi';

describe('toWinAnsi', () => {
  it.each([
    ['plain ASCII, 1.3.1', 'plain ASCII, 1.3.1'],
    ['café Ünïcode', 'café Ünïcode'],
    ['“quotes” — dash … €', '“quotes” — dash … €'],
    ['Łódź ő', '?ódz o'],
    ['支付 🚀', '?? ?'],
    ['a\nb\tc\r', 'a b c '],
    ['ﬁ', 'fi'],
  ])('%j → %j', (input, expected) => {
    expect(toWinAnsi(input)).toBe(expected);
  });
});

import { formatDuration, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['5s', 5_000],
    ['10m', 600_000],
    ['1h', 3_600_000],
    ['1m30s', 90_000],
    ['1.5s', 1_500],
    ['30', 30_000],
    [' 2s ', 2_000],
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', 's', 'five seconds', '5x', '-5s', '5s-', '1d'])('%j is not a duration', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    [250, '250ms'],
    [5_000, '5s'],
    [90_000, '1m30s'],
    [3_600_000, '1h'],
  ])('%d ms is %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

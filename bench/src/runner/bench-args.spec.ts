import { parseBenchArgs, UsageError } from './bench-args';

describe('parseBenchArgs', () => {
  it('runs every workload in a table by default', () => {
    expect(parseBenchArgs([])).toEqual({
      json: false,
      only: ['W1', 'W2', 'W3', 'W4', 'W5r', 'W5a', 'W6', 'W7c'],
      scale: 1,
      worker: undefined,
    });
  });

  it.each([
    [
      ['--only', 'W1,W3'],
      ['W1', 'W3'],
    ],
    [['--only=w3,W1'], ['W1', 'W3']],
    [
      ['--only', 'W5'],
      ['W5r', 'W5a'],
    ],
    [
      ['--only', 'W5a,W5'],
      ['W5r', 'W5a'],
    ],
  ])('%j selects %j', (argv, only) => {
    expect(parseBenchArgs(argv).only).toEqual(only);
  });

  it('reads --json, the hidden --scale and the internal --worker', () => {
    expect(parseBenchArgs(['--json', '--scale', '0.1', '--worker', 'W2'])).toMatchObject({
      json: true,
      scale: 0.1,
      worker: 'W2',
    });
  });

  it.each([
    [['--only', 'W9'], /unknown workload "W9"/],
    [['--only'], /--only needs a value/],
    [['--scale', '0'], /--scale must be/],
    [['--scale', 'x'], /--scale must be/],
    [['--fast'], /unknown argument "--fast"/],
    [['--worker', 'W5'], /--worker takes one workload/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(UsageError);
    expect(() => parseBenchArgs(argv)).toThrow(message);
  });
});

import { MAX_PORT, MIN_PORT, PortSet, type PortRange } from './port-set';

const ports = (...ranges: PortRange[]): PortSet => PortSet.fromRanges(ranges);

describe('PortSet', () => {
  it('spans 1..65535', () => {
    expect([MIN_PORT, MAX_PORT]).toEqual([1, 65535]);
    expect(PortSet.ALL.toString()).toBe('1-65535');
    expect(PortSet.ALL.isAll).toBe(true);
    expect(PortSet.EMPTY.isEmpty).toBe(true);
    expect(PortSet.EMPTY.toString()).toBe('');
  });

  it.each<[number, number, string]>([
    [80, 80, '80'],
    [8000, 8080, '8000-8080'],
    [90, 80, ''],
    [0, 100, '1-100'],
    [60000, 70000, '60000-65535'],
    [1, 65535, '1-65535'],
  ])('range(%i, %i) is %j', (from, to, expected) => {
    expect(PortSet.range(from, to).toString()).toBe(expected);
  });

  // Regression: each end used to be clamped separately, giving inverted ranges such as "1-0".
  it('range() entirely outside 1..65535 is empty', () => {
    expect(PortSet.range(0, 0).isEmpty).toBe(true);
    expect(PortSet.range(70000, 70001).isEmpty).toBe(true);
  });

  it.each<[string, PortRange[], string]>([
    [
      'sorts',
      [
        [443, 443],
        [80, 80],
      ],
      '80,443',
    ],
    [
      'merges adjacent ranges',
      [
        [80, 80],
        [81, 90],
      ],
      '80-90',
    ],
    [
      'merges overlapping ranges',
      [
        [80, 100],
        [90, 95],
        [99, 120],
      ],
      '80-120',
    ],
    [
      'keeps a gap of one port',
      [
        [80, 80],
        [82, 82],
      ],
      '80,82',
    ],
    [
      'drops inverted ranges',
      [
        [90, 80],
        [22, 22],
      ],
      '22',
    ],
    [
      'merges into a range that ends later',
      [
        [1, 10],
        [2, 3],
        [11, 11],
      ],
      '1-11',
    ],
  ])('fromRanges %s', (_name, input, expected) => {
    expect(ports(...input).toString()).toBe(expected);
  });

  it.each<[number, boolean]>([
    [79, false],
    [80, true],
    [85, true],
    [90, true],
    [91, false],
    [443, true],
    [0, false],
  ])('has(%i) is %s for 80-90,443', (port, expected) => {
    expect(ports([80, 90], [443, 443]).has(port)).toBe(expected);
  });

  it.each<[string, PortRange[], PortRange[], string]>([
    ['disjoint', [[80, 80]], [[443, 443]], '80,443'],
    ['adjacent', [[80, 89]], [[90, 100]], '80-100'],
    ['overlapping', [[80, 95]], [[90, 100]], '80-100'],
    ['with empty', [[53, 53]], [], '53'],
    ['into all', [[1, 1000]], [[1001, 65535]], '1-65535'],
  ])('union %s', (_name, a, b, expected) => {
    expect(
      ports(...a)
        .union(ports(...b))
        .toString(),
    ).toBe(expected);
    expect(
      ports(...b)
        .union(ports(...a))
        .toString(),
    ).toBe(expected);
  });

  it.each<[string, PortRange[], PortRange[], string]>([
    ['nested', [[1, 65535]], [[80, 80]], '80'],
    ['partial overlap', [[80, 100]], [[90, 200]], '90-100'],
    ['one shared port', [[80, 90]], [[90, 95]], '90'],
    ['disjoint', [[80, 80]], [[81, 81]], ''],
    [
      'several pieces',
      [
        [1, 10],
        [20, 30],
      ],
      [[5, 25]],
      '5-10,20-25',
    ],
    ['with empty', [[1, 10]], [], ''],
  ])('intersect %s', (_name, a, b, expected) => {
    expect(
      ports(...a)
        .intersect(ports(...b))
        .toString(),
    ).toBe(expected);
    expect(
      ports(...b)
        .intersect(ports(...a))
        .toString(),
    ).toBe(expected);
  });

  it.each<[string, PortRange[], PortRange[], string]>([
    ['a hole', [[1, 65535]], [[80, 80]], '1-79,81-65535'],
    ['the start', [[80, 90]], [[70, 85]], '86-90'],
    ['the end', [[80, 90]], [[85, 100]], '80-84'],
    ['everything', [[80, 90]], [[1, 65535]], ''],
    ['nothing', [[80, 90]], [[100, 200]], '80-90'],
    [
      'several cuts',
      [[1, 100]],
      [
        [10, 20],
        [30, 40],
      ],
      '1-9,21-29,41-100',
    ],
    [
      'across ranges',
      [
        [1, 10],
        [20, 30],
      ],
      [[5, 25]],
      '1-4,26-30',
    ],
    ['the empty set', [[80, 80]], [], '80'],
  ])('subtract %s', (_name, a, b, expected) => {
    expect(
      ports(...a)
        .subtract(ports(...b))
        .toString(),
    ).toBe(expected);
  });

  it('isAll only for exactly 1..65535', () => {
    expect(PortSet.range(1, 65535).isAll).toBe(true);
    expect(PortSet.range(1, 65534).isAll).toBe(false);
    expect(PortSet.range(2, 65535).isAll).toBe(false);
    expect(ports([1, 100], [102, 65535]).isAll).toBe(false);
    expect(ports([1, 100], [101, 65535]).isAll).toBe(true);
  });

  it('equals compares contents', () => {
    expect(ports([80, 80], [81, 81]).equals(PortSet.range(80, 81))).toBe(true);
    expect(PortSet.range(80, 81).equals(PortSet.range(80, 82))).toBe(false);
    expect(PortSet.EMPTY.equals(PortSet.range(5, 4))).toBe(true);
  });
});

import { parseCidr } from './cidr';
import { parseIp, type IpAddress } from './ip-address';
import { formatIpRange, IpSet, type IpRange } from './ip-set';

function ip(text: string): IpAddress {
  const parsed = parseIp(text);
  if (!parsed) throw new Error(`test setup: ${text} should parse`);
  return parsed;
}

/** `a-b` as one range, or a CIDR. */
function range(text: string): IpRange {
  if (text.includes('/')) {
    const c = parseCidr(text);
    if (!c) throw new Error(`test setup: ${text} should parse`);
    return { family: c.family, first: c.first, last: c.last };
  }
  const [a, b] = text.split('-') as [string, string];
  return { family: ip(a).family, first: ip(a).value, last: ip(b).value };
}

const set = (...texts: string[]): IpSet => IpSet.fromRanges(texts.map(range));
const show = (s: IpSet): string[] => s.ranges.map(formatIpRange);
const has = (s: IpSet, text: string): boolean => s.contains(ip(text).family, ip(text).value);

describe('IpSet', () => {
  it('normalises ranges: sorted, merged when overlapping or adjacent, IPv4 first', () => {
    const s = set(
      '2001:db8::/32',
      '10.0.0.8-10.0.0.20',
      '10.0.0.0-10.0.0.9',
      '10.0.0.21-10.0.0.30',
    );
    expect(show(s)).toEqual([
      '10.0.0.0-10.0.0.30',
      '2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff',
    ]);
    expect(show(set('10.0.0.0-10.0.0.9', '10.0.0.11-10.0.0.20'))).toEqual([
      '10.0.0.0-10.0.0.9',
      '10.0.0.11-10.0.0.20',
    ]);
  });

  it('all() covers a whole family and nothing of the other', () => {
    expect(show(IpSet.all(4))).toEqual(['0.0.0.0-255.255.255.255']);
    expect(has(IpSet.all(4), '255.255.255.255')).toBe(true);
    expect(has(IpSet.all(4), '::')).toBe(false);
    expect(show(IpSet.all(6))).toEqual(['::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff']);
    expect(IpSet.EMPTY.isEmpty).toBe(true);
    expect(IpSet.all(4).isEmpty).toBe(false);
  });

  it.each<[string, boolean]>([
    ['10.0.0.0', true],
    ['10.255.255.255', true],
    ['9.255.255.255', false],
    ['11.0.0.0', false],
    ['192.168.0.1', true],
    ['192.168.0.2', false],
    // 10.0.0.0 as an IPv6 value is a different address
    ['::a00:0', false],
  ])('contains %s: %s', (text, expected) => {
    expect(has(set('10.0.0.0/8', '192.168.0.1/32'), text)).toBe(expected);
  });

  it.each<[string, string[], string[], string[]]>([
    ['disjoint', ['10.0.0.0/24'], ['10.0.2.0/24'], ['10.0.0.0-10.0.0.255', '10.0.2.0-10.0.2.255']],
    ['adjacent', ['10.0.0.0/24'], ['10.0.1.0/24'], ['10.0.0.0-10.0.1.255']],
    ['overlapping', ['10.0.0.0/16'], ['10.0.5.0/24'], ['10.0.0.0-10.0.255.255']],
    ['with empty', ['10.0.0.0/24'], [], ['10.0.0.0-10.0.0.255']],
    ['mixed families', ['10.0.0.0/32'], ['::1/128'], ['10.0.0.0-10.0.0.0', '::1-::1']],
  ])('union %s', (_name, a, b, expected) => {
    expect(show(set(...a).union(set(...b)))).toEqual(expected);
    expect(show(set(...b).union(set(...a)))).toEqual(expected);
  });

  it.each<[string, string[], string[], string[]]>([
    [
      'a hole in the middle',
      ['10.0.0.0/8'],
      ['10.1.0.0/16'],
      ['10.0.0.0-10.0.255.255', '10.2.0.0-10.255.255.255'],
    ],
    ['the start', ['10.0.0.0/24'], ['10.0.0.0/25'], ['10.0.0.128-10.0.0.255']],
    ['the end', ['10.0.0.0/24'], ['10.0.0.128/25'], ['10.0.0.0-10.0.0.127']],
    ['everything', ['10.0.0.0/24'], ['10.0.0.0/8'], []],
    ['nothing that overlaps', ['10.0.0.0/24'], ['11.0.0.0/8'], ['10.0.0.0-10.0.0.255']],
    ['the other family only', ['10.0.0.0/24'], ['::/0'], ['10.0.0.0-10.0.0.255']],
    [
      'two holes',
      ['0.0.0.0/0'],
      ['10.0.0.0/8', '192.168.0.0/16'],
      ['0.0.0.0-9.255.255.255', '11.0.0.0-192.167.255.255', '192.169.0.0-255.255.255.255'],
    ],
    [
      'a single address',
      ['10.0.0.0/30'],
      ['10.0.0.1/32'],
      ['10.0.0.0-10.0.0.0', '10.0.0.2-10.0.0.3'],
    ],
    [
      'across two ranges',
      ['10.0.0.0/24', '10.0.2.0/24'],
      ['10.0.0.128-10.0.2.127'],
      ['10.0.0.0-10.0.0.127', '10.0.2.128-10.0.2.255'],
    ],
  ])('subtract %s', (_name, a, b, expected) => {
    expect(show(set(...a).subtract(set(...b)))).toEqual(expected);
  });

  it.each<[string, string[], string[], string[]]>([
    ['nested', ['10.0.0.0/8'], ['10.1.0.0/16'], ['10.1.0.0-10.1.255.255']],
    [
      'partial overlap',
      ['10.0.0.0-10.0.0.100'],
      ['10.0.0.50-10.0.0.200'],
      ['10.0.0.50-10.0.0.100'],
    ],
    ['one shared address', ['10.0.0.0-10.0.0.5'], ['10.0.0.5-10.0.0.9'], ['10.0.0.5-10.0.0.5']],
    ['disjoint', ['10.0.0.0/24'], ['10.0.1.0/24'], []],
    ['different families', ['0.0.0.0/0'], ['::/0'], []],
    [
      'several pieces',
      ['10.0.0.0/24', '10.0.2.0/24'],
      ['10.0.0.128-10.0.2.127'],
      ['10.0.0.128-10.0.0.255', '10.0.2.0-10.0.2.127'],
    ],
  ])('intersect %s', (_name, a, b, expected) => {
    expect(show(set(...a).intersect(set(...b)))).toEqual(expected);
    expect(show(set(...b).intersect(set(...a)))).toEqual(expected);
  });

  it('equals compares the normalised ranges', () => {
    expect(set('10.0.0.0/24', '10.0.1.0/24').equals(set('10.0.0.0/23'))).toBe(true);
    expect(set('10.0.0.0/24').equals(set('10.0.0.0/23'))).toBe(false);
    expect(set('10.0.0.0/24').equals(set('10.0.0.0/24', '::/0'))).toBe(false);
    expect(IpSet.EMPTY.equals(set())).toBe(true);
  });

  it('is immutable: operations return new sets', () => {
    const a = set('10.0.0.0/8');
    a.subtract(set('10.0.0.0/16'));
    a.union(set('11.0.0.0/8'));
    expect(show(a)).toEqual(['10.0.0.0-10.255.255.255']);
  });
});

describe('formatIpRange', () => {
  it('renders both ends in canonical form', () => {
    expect(formatIpRange(range('0.0.0.0/0'))).toBe('0.0.0.0-255.255.255.255');
    expect(formatIpRange(range('172.16.0.0/12'))).toBe('172.16.0.0-172.31.255.255');
    expect(formatIpRange(range('2001:db8::/127'))).toBe('2001:db8::-2001:db8::1');
  });
});

import { formatCidr, isStrictSubnet, parseCidr, type Cidr } from './cidr';

function cidr(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed) throw new Error(`test setup: ${text} should parse`);
  return parsed;
}

const V6_DOC = 0x20010db8n << 96n;

describe('parseCidr', () => {
  it.each<[string, Cidr]>([
    [
      '10.0.0.0/8',
      { family: 4, first: 167772160n, last: 184549375n, prefix: 8, hostBitsSet: false },
    ],
    ['0.0.0.0/0', { family: 4, first: 0n, last: 4294967295n, prefix: 0, hostBitsSet: false }],
    [
      '1.2.3.4/32',
      { family: 4, first: 16909060n, last: 16909060n, prefix: 32, hostBitsSet: false },
    ],
    [
      '192.168.1.0/24',
      { family: 4, first: 3232235776n, last: 3232236031n, prefix: 24, hostBitsSet: false },
    ],
    // the API server accepts host bits and masks them: 10.0.1.1/4 is 0.0.0.0/4
    ['10.0.1.1/4', { family: 4, first: 0n, last: 268435455n, prefix: 4, hostBitsSet: true }],
    [
      '192.168.1.77/24',
      { family: 4, first: 3232235776n, last: 3232236031n, prefix: 24, hostBitsSet: true },
    ],
    ['::/0', { family: 6, first: 0n, last: (1n << 128n) - 1n, prefix: 0, hostBitsSet: false }],
    ['::1/128', { family: 6, first: 1n, last: 1n, prefix: 128, hostBitsSet: false }],
    [
      '2001:db8::/32',
      { family: 6, first: V6_DOC, last: V6_DOC + (1n << 96n) - 1n, prefix: 32, hostBitsSet: false },
    ],
    [
      '2001:db8::1/64',
      { family: 6, first: V6_DOC, last: V6_DOC + (1n << 64n) - 1n, prefix: 64, hostBitsSet: true },
    ],
  ])('parses %s', (text, expected) => {
    expect(parseCidr(text)).toEqual(expected);
  });

  it.each([
    ['no prefix', '10.0.0.0'],
    ['empty prefix', '10.0.0.0/'],
    ['no address', '/8'],
    ['IPv4 prefix above 32', '10.0.0.0/33'],
    ['IPv6 prefix above 128', '::/129'],
    ['prefix with leading zero', '10.0.0.0/08'],
    ['negative prefix', '10.0.0.0/-1'],
    ['prefix with space', '10.0.0.0/ 8'],
    ['two slashes', '10.0.0.0/8/8'],
    ['address with leading zero', '010.0.0.0/8'],
    ['three-octet address', '10.0.0/8'],
    ['invalid IPv6', ':::/64'],
    ['hostname', 'example.com/8'],
  ])('rejects %s (%j)', (_name, text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

describe('formatCidr', () => {
  it.each([
    ['10.0.0.0/8', '10.0.0.0/8'],
    ['10.0.1.1/4', '0.0.0.0/4'],
    ['172.16.5.4/12', '172.16.0.0/12'],
    ['1.2.3.4/32', '1.2.3.4/32'],
    ['2001:0DB8:0:0::1/64', '2001:db8::/64'],
    ['fe80::1/10', 'fe80::/10'],
    ['::/0', '::/0'],
  ])('%s → %s', (text, expected) => {
    expect(formatCidr(cidr(text))).toBe(expected);
  });
});

describe('isStrictSubnet', () => {
  it.each<[string, string, boolean]>([
    ['10.1.0.0/16', '10.0.0.0/8', true],
    ['10.255.255.255/32', '10.0.0.0/8', true],
    ['10.0.0.0/9', '10.0.0.0/8', true],
    ['10.0.0.0/8', '10.0.0.0/8', false],
    ['10.0.0.0/7', '10.0.0.0/8', false],
    ['10.0.0.0/16', '10.0.0.0/24', false],
    ['11.0.0.0/16', '10.0.0.0/8', false],
    ['9.255.255.255/32', '10.0.0.0/8', false],
    ['11.0.0.0/32', '10.0.0.0/8', false],
    ['10.1.2.3/16', '10.0.0.0/8', true],
    ['::ffff:10.1.0.0/112', '10.0.0.0/8', false],
    ['10.1.0.0/16', '::/0', false],
    ['2001:db8:1::/48', '2001:db8::/32', true],
    ['2001:db9::/48', '2001:db8::/32', false],
  ])('%s inside %s: %s', (inner, outer, expected) => {
    expect(isStrictSubnet(cidr(inner), cidr(outer))).toBe(expected);
  });
});

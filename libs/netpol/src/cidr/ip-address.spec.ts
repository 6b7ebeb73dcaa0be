import { formatIp, parseIp, type IpAddress } from './ip-address';

const v4 = (value: bigint): IpAddress => ({ family: 4, value });
const v6 = (value: bigint): IpAddress => ({ family: 6, value });

describe('parseIp', () => {
  it.each<[string, IpAddress]>([
    ['0.0.0.0', v4(0n)],
    ['10.0.0.1', v4(167772161n)],
    ['192.168.1.10', v4(3232235786n)],
    ['255.255.255.255', v4(4294967295n)],
    ['1.2.3.4', v4(0x01020304n)],
    ['::', v6(0n)],
    ['::1', v6(1n)],
    ['1::', v6(0x0001n << 112n)],
    ['2001:db8::1', v6(0x20010db8000000000000000000000001n)],
    ['2001:DB8::1', v6(0x20010db8000000000000000000000001n)],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', v6(0x20010db8000000000000000000000001n)],
    ['1:2:3:4:5:6:7:8', v6(0x00010002000300040005000600070008n)],
    ['1:2:3:4:5:6:7::', v6(0x00010002000300040005000600070000n)],
    ['::2:3:4:5:6:7:8', v6(0x00000002000300040005000600070008n)],
    ['fe80::1:2', v6(0xfe800000000000000000000000010002n)],
    ['::ffff:1.2.3.4', v6(0xffff01020304n)],
    ['::1.2.3.4', v6(0x01020304n)],
    ['64:ff9b::192.0.2.33', v6(0x0064ff9b0000000000000000c0000221n)],
    ['1:2:3:4:5:6:1.2.3.4', v6(0x00010002000300040005000601020304n)],
  ])('parses %s', (text, expected) => {
    expect(parseIp(text)).toEqual(expected);
  });

  it.each([
    ['leading zero', '01.2.3.4'],
    ['leading zero in last octet', '1.2.3.04'],
    ['double zero', '00.0.0.0'],
    ['three octets', '1.2.3'],
    ['five octets', '1.2.3.4.5'],
    ['octet above 255', '256.0.0.0'],
    ['negative octet', '1.2.3.-1'],
    ['empty octet', '1..2.3'],
    ['hex octet', '0x1.2.3.4'],
    ['empty string', ''],
    ['surrounding space', ' 1.2.3.4'],
    ['trailing dot', '1.2.3.4.'],
    ['triple colon', ':::'],
    ['two double colons', '1::2::3'],
    ['nine groups', '1:2:3:4:5:6:7:8:9'],
    ['seven groups without ::', '1:2:3:4:5:6:7'],
    [':: standing for no group', '1:2:3:4:5:6:7:8::'],
    [':: standing for no group (leading)', '::1:2:3:4:5:6:7:8'],
    ['group of five digits', '12345::'],
    ['non-hex group', 'g::1'],
    ['single leading colon', ':1::'],
    ['trailing single colon', '1:2:3:4:5:6:7:'],
    ['zone id', 'fe80::1%eth0'],
    ['short embedded IPv4', '::1.2.3'],
    ['embedded IPv4 not last', '::1.2.3.4:5'],
    ['embedded IPv4 with leading zero', '::ffff:01.2.3.4'],
    ['embedded IPv4 making nine groups', '1:2:3:4:5:6:7:1.2.3.4'],
  ])('rejects %s (%j)', (_name, text) => {
    expect(parseIp(text)).toBeUndefined();
  });

  // An embedded IPv4 address is only valid as the last 32 bits (RFC 4291 §2.2 form 3).
  it('rejects an embedded IPv4 address before ::', () => {
    expect(parseIp('1.2.3.4::')).toBeUndefined();
  });
});

describe('formatIp', () => {
  it.each([
    ['0.0.0.0', '0.0.0.0'],
    ['10.0.0.1', '10.0.0.1'],
    ['255.255.255.255', '255.255.255.255'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['0:0:0:0:0:0:0:0', '::'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['1:0:0:0:0:0:0:0', '1::'],
    ['ABCD:EF01:0:0:0:0:0:0', 'abcd:ef01::'],
    // a single zero group is never compressed (RFC 5952 §4.2.2)
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['0:1:2:3:4:5:6:7', '0:1:2:3:4:5:6:7'],
    // the longest run is compressed (§4.2.3)
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    // of equal runs, the first is compressed (§4.2.3)
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    // leading zeros in a group are dropped (§4.1)
    ['2001:0db8:00a0:0b00:0000:0000:0000:000c', '2001:db8:a0:b00::c'],
    ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
    ['1:0:0:2:0:0:0:0', '1:0:0:2::'],
  ])('%s → %s', (input, expected) => {
    const ip = parseIp(input);
    expect(ip).toBeDefined();
    expect(formatIp(ip as IpAddress)).toBe(expected);
  });

  it('round-trips canonical text', () => {
    for (const text of ['10.1.2.3', '2001:db8::8:800:200c:417a', 'fe80::', '::ffff:102:304']) {
      expect(formatIp(parseIp(text) as IpAddress)).toBe(text);
    }
  });
});

import { ConnectionSet } from './connection-set';
import { PortSet } from './port-set';

function parsed(text: string): ConnectionSet {
  const set = ConnectionSet.parse(text);
  if (!set) throw new Error(`test setup: ${JSON.stringify(text)} should parse`);
  return set;
}

describe('ConnectionSet.toString', () => {
  it.each<[string, ConnectionSet, string]>([
    ['everything', ConnectionSet.ALL, 'All Connections'],
    ['nothing', ConnectionSet.NONE, 'No Connections'],
    ['one port', ConnectionSet.of('TCP', PortSet.range(80, 80)), 'TCP 80'],
    [
      'ports then protocol',
      ConnectionSet.of('UDP', PortSet.range(53, 53)).with(
        'TCP',
        PortSet.fromRanges([
          [443, 443],
          [80, 80],
        ]),
      ),
      'TCP 80,443,UDP 53',
    ],
    [
      'protocols sorted SCTP, TCP, UDP',
      ConnectionSet.of('UDP', PortSet.range(53, 53))
        .with('TCP', PortSet.range(80, 80))
        .with('SCTP', PortSet.range(9, 9)),
      'SCTP 9,TCP 80,UDP 53',
    ],
    [
      'a range',
      ConnectionSet.of(
        'TCP',
        PortSet.fromRanges([
          [8000, 8080],
          [22, 22],
        ]),
      ),
      'TCP 22,8000-8080',
    ],
    ['one protocol, all ports', ConnectionSet.of('TCP', PortSet.ALL), 'TCP 1-65535'],
    [
      'all protocols, all ports',
      ConnectionSet.of('TCP', PortSet.ALL).with('UDP', PortSet.ALL).with('SCTP', PortSet.ALL),
      'All Connections',
    ],
    [
      'an emptied protocol is left out',
      ConnectionSet.ALL.with('TCP', PortSet.EMPTY).with('SCTP', PortSet.EMPTY),
      'UDP 1-65535',
    ],
  ])('%s', (_name, set, expected) => {
    expect(set.toString()).toBe(expected);
  });
});

describe('ConnectionSet.parse', () => {
  it.each([
    'All Connections',
    'No Connections',
    'TCP 80',
    'TCP 80,443,UDP 53',
    'SCTP 9,TCP 80,UDP 53',
    'TCP 22,8000-8080',
    'TCP 1-79,81-65535',
    'UDP 1-65535',
  ])('round-trips %j', (text) => {
    expect(parsed(text).toString()).toBe(text);
  });

  it.each([
    ['unsorted protocols', 'UDP 53,TCP 80', 'TCP 80,UDP 53'],
    ['overlapping ports', 'TCP 80,80-90,85', 'TCP 80-90'],
    ['adjacent ports', 'TCP 80,81,82', 'TCP 80-82'],
    ['spaces around commas', ' TCP 80, 443 ,UDP 53 ', 'TCP 80,443,UDP 53'],
    ['empty text', '', 'No Connections'],
    ['every port of every protocol', 'SCTP 1-65535,TCP 1-65535,UDP 1-65535', 'All Connections'],
  ])('normalises %s', (_name, text, expected) => {
    expect(parsed(text).toString()).toBe(expected);
  });

  it('reads protocol and ports', () => {
    const set = parsed('TCP 80,443,UDP 53');
    expect(set.has('TCP', 443)).toBe(true);
    expect(set.has('UDP', 53)).toBe(true);
    expect(set.has('UDP', 80)).toBe(false);
    expect(set.has('SCTP', 80)).toBe(false);
  });

  it.each([
    ['lowercase protocol', 'tcp 80'],
    ['unknown protocol', 'HTTP 80'],
    ['protocol without ports', 'TCP'],
    ['ports without protocol', '80,443'],
    ['trailing protocol without ports', 'TCP 80,UDP'],
    ['non-numeric port', 'TCP http'],
    ['open range', 'TCP 80-'],
    ['empty element', 'TCP 80,,443'],
  ])('rejects %s (%j)', (_name, text) => {
    expect(ConnectionSet.parse(text)).toBeUndefined();
  });

  // Regression: ports outside 1..65535 once parsed into an inverted, non-empty set ('TCP 1-0').
  it('rejects ports outside 1..65535', () => {
    expect(ConnectionSet.parse('TCP 0')).toBeUndefined();
    expect(ConnectionSet.parse('TCP 65536')).toBeUndefined();
  });
});

describe('ConnectionSet algebra', () => {
  it.each<[string, string, string]>([
    ['TCP 80', 'TCP 443', 'TCP 80,443'],
    ['TCP 80', 'UDP 53', 'TCP 80,UDP 53'],
    ['TCP 1-100', 'TCP 101-65535', 'TCP 1-65535'],
    ['No Connections', 'SCTP 9', 'SCTP 9'],
    ['All Connections', 'TCP 80', 'All Connections'],
  ])('%s ∪ %s = %s', (a, b, expected) => {
    expect(parsed(a).union(parsed(b)).toString()).toBe(expected);
    expect(parsed(b).union(parsed(a)).toString()).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['All Connections', 'TCP 80,UDP 53', 'TCP 80,UDP 53'],
    ['TCP 80-90', 'TCP 85-100,UDP 85', 'TCP 85-90'],
    ['TCP 80', 'UDP 80', 'No Connections'],
    ['TCP 1-65535', 'All Connections', 'TCP 1-65535'],
  ])('%s ∩ %s = %s', (a, b, expected) => {
    expect(parsed(a).intersect(parsed(b)).toString()).toBe(expected);
    expect(parsed(b).intersect(parsed(a)).toString()).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['All Connections', 'TCP 80', 'SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535'],
    ['TCP 80,443,UDP 53', 'TCP 443', 'TCP 80,UDP 53'],
    ['TCP 80', 'UDP 80', 'TCP 80'],
    ['TCP 80', 'All Connections', 'No Connections'],
    ['TCP 80-90', 'TCP 85', 'TCP 80-84,86-90'],
  ])('%s − %s = %s', (a, b, expected) => {
    expect(parsed(a).subtract(parsed(b)).toString()).toBe(expected);
  });

  it('isEmpty, isAll, equals', () => {
    expect(ConnectionSet.NONE.isEmpty).toBe(true);
    expect(ConnectionSet.NONE.isAll).toBe(false);
    expect(ConnectionSet.ALL.isAll).toBe(true);
    expect(ConnectionSet.ALL.isEmpty).toBe(false);
    expect(parsed('TCP 80').isEmpty).toBe(false);
    expect(parsed('TCP 80,UDP 53').equals(parsed('UDP 53,TCP 80'))).toBe(true);
    expect(parsed('TCP 80').equals(parsed('UDP 80'))).toBe(false);
  });

  it('with() does not change the original', () => {
    const base = parsed('TCP 80');
    const changed = base.with('TCP', PortSet.range(443, 443));
    expect(base.toString()).toBe('TCP 80');
    expect(changed.toString()).toBe('TCP 443');
    expect(ConnectionSet.NONE.toString()).toBe('No Connections');
  });
});

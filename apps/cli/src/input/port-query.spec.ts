import { parsePortQuery } from './port-query';

describe('parsePortQuery', () => {
  it.each([
    ['8080', { protocol: 'TCP', port: 8080 }],
    ['53/UDP', { protocol: 'UDP', port: 53 }],
    ['53/udp', { protocol: 'UDP', port: 53 }],
    ['3868/SCTP', { protocol: 'SCTP', port: 3868 }],
    ['1', { protocol: 'TCP', port: 1 }],
    ['65535/TCP', { protocol: 'TCP', port: 65535 }],
  ])('%s', (text, expected) => {
    expect(parsePortQuery(text)).toEqual(expected);
  });

  it.each(['0', '65536', '99999', '-1', '80/ICMP', 'http', '80/', '/TCP', '8.5', '80-90', ''])(
    'rejects %j',
    (text) => {
      expect(() => parsePortQuery(text)).toThrow(/expected N or N\/PROTOCOL/);
    },
  );
});

import { ConnectionSet, type ConnlistRow } from '@fenceline/netpol';
import { deployment, inventoryOf, namespace } from '../../test/shop-fixture';
import { compileBaseline } from '../baseline/compile-baseline';
import { connectivityWidening, InvalidReferenceError } from './connectivity-widening';
import { PeerIndex, type RowScope } from './peer-index';

const inventory = inventoryOf([
  namespace('shop'),
  namespace('kube-system'),
  deployment('shop', 'web', { app: 'web' }),
  deployment('kube-system', 'dns', { app: 'dns' }),
]);
const scope: RowScope = {
  baseline: compileBaseline({ scope: { namespaceSelector: {} }, policies: [], guardrails: [] }),
  inScope: new Set(['shop']),
  index: new PeerIndex(inventory),
};
const WEB = 'shop/web[Deployment]';
const DNS = 'kube-system/dns[Deployment]';
const conn = (text: string): ConnectionSet => ConnectionSet.parse(text)!;
const row = (src: string, dst: string, text: string): ConnlistRow => ({
  src,
  dst,
  conn: conn(text),
});

describe('connectivityWidening', () => {
  it('compares external peers address by address when the two sides are cut differently', () => {
    const current = [
      row('0.0.0.0-255.255.255.255[External]', WEB, 'All Connections'),
      row(WEB, '0.0.0.0-255.255.255.255[External]', 'TCP 443'),
    ];
    const reference = [
      { src: '0.0.0.0-9.255.255.255[External]', dst: WEB, conn: 'All Connections' },
      { src: '10.0.0.0-10.255.255.255[External]', dst: WEB, conn: 'TCP 80' },
      { src: '11.0.0.0-255.255.255.255[External]', dst: WEB, conn: 'All Connections' },
      // web -> external: only 10.0.0.0/8 was accepted.
      { src: WEB, dst: '10.0.0.0-10.255.255.255[External]', conn: 'TCP 443' },
    ];
    const findings = connectivityWidening(scope, current, reference);
    expect(findings.map((f) => [f.subject, f.severity, f.evidence])).toEqual([
      [
        'External → shop',
        'high',
        {
          rows: [
            {
              src: '10.0.0.0-10.255.255.255[External]',
              dst: WEB,
              added: conn('All Connections').subtract(conn('TCP 80')).toString(),
              reference: 'TCP 80',
              current: 'All Connections',
            },
          ],
        },
      ],
      [
        'shop → External',
        'high',
        {
          rows: [
            {
              src: WEB,
              dst: '0.0.0.0-9.255.255.255[External]',
              added: 'TCP 443',
              reference: 'No Connections',
              current: 'TCP 443',
            },
            {
              src: WEB,
              dst: '11.0.0.0-255.255.255.255[External]',
              added: 'TCP 443',
              reference: 'No Connections',
              current: 'TCP 443',
            },
          ],
        },
      ],
    ]);
  });

  it('ignores rows that touch no in-scope namespace and connections the reference had', () => {
    const current = [
      row(DNS, '0.0.0.0-255.255.255.255[External]', 'All Connections'),
      row(WEB, DNS, 'UDP 53'),
    ];
    expect(
      connectivityWidening(scope, current, [{ src: WEB, dst: DNS, conn: 'TCP 53,UDP 53' }]),
    ).toEqual([]);
    expect(connectivityWidening(scope, current, []).map((f) => f.subject)).toEqual([
      'shop → kube-system',
    ]);
  });

  it('rejects reference rows it cannot read, naming the row', () => {
    expect(() =>
      connectivityWidening(scope, [], [{ src: WEB, dst: DNS, conn: 'TCP eighty' }]),
    ).toThrow(
      new InvalidReferenceError('reference[0].conn', '"TCP eighty" is not a connection set'),
    );
    expect(() =>
      connectivityWidening(scope, [], [{ src: 'x-y[External]', dst: WEB, conn: 'TCP 80' }]),
    ).toThrow(InvalidReferenceError);
  });
});

import { buildInventory } from '../inventory/build-inventory';
import { isAllowed } from '../reference/evaluate';
import { chosenCni, cniWarnings } from './cni-choice';

const objects = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { namespace: 'a', name: 'x', labels: { app: 'x' } },
    status: { podIP: '10.0.0.1' },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { namespace: 'a', name: 'y', labels: { app: 'y' } },
    status: { podIP: '10.0.0.2' },
  },
  {
    apiVersion: 'projectcalico.org/v3',
    kind: 'GlobalNetworkPolicy',
    metadata: { name: 'deny-all' },
    spec: { selector: 'all()', types: ['Ingress'] },
  },
];
const build = (cni?: string, detectedCni?: string) =>
  buildInventory(
    objects.map((object) => ({ object })),
    {
      ...(cni === undefined ? {} : { cni }),
      ...(detectedCni === undefined ? {} : { detectedCni }),
    },
  );
const xToY = (cni?: string) => {
  const inv = build(cni);
  const [x, y] = inv.pods;
  return isAllowed(inv, {
    src: { kind: 'pod', pod: x! },
    dst: { kind: 'pod', pod: y! },
    protocol: 'TCP',
    port: 80,
  }).allowed;
};

describe('which CNI decides (--cni, or the agent’s detection)', () => {
  it('unknown CNI: the Calico objects present are evaluated, and the output says so', () => {
    expect(chosenCni(build())).toBe('calico');
    expect(xToY()).toBe(false);
    expect(cniWarnings(build())).toEqual([
      "the cluster's CNI is not known: the Calico objects present are evaluated as Calico enforces them (--cni says which CNI runs)",
    ]);
  });

  it('--cni calico (or canal): evaluated, no warning', () => {
    expect(xToY('calico')).toBe(false);
    expect(xToY('canal')).toBe(false);
    expect(cniWarnings(build('calico'))).toEqual([]);
  });

  it('--cni another CNI (cilium, flannel): the Calico objects are present but not enforced', () => {
    for (const cni of ['cilium', 'flannel']) {
      expect(chosenCni(build(cni))).toBeUndefined();
      expect(xToY(cni)).toBe(true);
      expect(cniWarnings(build(cni))).toEqual([
        `1 Calico object(s) are present but not enforced: the cluster runs ${cni}`,
      ]);
    }
  });

  it('detected by the agent: cilium excludes the Calico objects; canal or a cloud CNI do not', () => {
    expect(chosenCni(build(undefined, 'cilium'))).toBeUndefined();
    expect(cniWarnings(build(undefined, 'cilium'))).toEqual([
      '1 Calico object(s) are present but not enforced: the cluster runs cilium',
    ]);
    expect(chosenCni(build(undefined, 'canal'))).toBe('calico');
    expect(cniWarnings(build(undefined, 'canal'))).toEqual([]);
    expect(chosenCni(build(undefined, 'aws-vpc-cni'))).toBe('calico');
    expect(cniWarnings(build(undefined, 'aws-vpc-cni'))).toEqual([
      "the cluster's CNI is detected as aws-vpc-cni: the Calico objects present are evaluated as Calico enforces them (--cni says which CNI runs)",
    ]);
  });
});

import { join } from 'node:path';
import { buildInventory } from '../inventory/build-inventory';
import { loadPaths } from '../load/load-paths';
import { buildModel } from '../model/reachability-model';
import { explain } from './explain';
import { PeerNotFoundError, resolvePeer } from './resolve-peer';

const inventory = buildInventory(
  loadPaths([join(__dirname, '../../test/golden/shop/manifests')]).objects,
);
const ref = (name: string) => ({ kind: 'NetworkPolicy', namespace: 'shop', name });

describe('explain', () => {
  it('names the rules that allow web → db on TCP 5432, on both sides', () => {
    const e = explain(inventory, 'shop/web[Deployment]', 'shop/db', {
      protocol: 'TCP',
      port: 5432,
    });
    expect(e.verdict).toBe(true);
    expect(e.dst).toBe('shop/db[StatefulSet]');
    expect(e.egress.isolatingPolicies).toEqual([
      expect.objectContaining(ref('default-deny')),
      expect.objectContaining(ref('web-egress')),
    ]);
    expect(
      e.egress.matchingRules.map((r) => [
        r.policy.name,
        r.ruleIndex,
        r.connections.toString(),
        r.admitsQuery,
      ]),
    ).toEqual([['web-egress', 0, 'TCP 5432', true]]);
    expect(e.ingress.matchingRules.map((r) => [r.policy.name, r.direction, r.ruleIndex])).toEqual([
      ['db-ingress', 'ingress', 0],
    ]);
    expect(e.allowed.toString()).toBe('TCP 5432');
  });

  it('explains a denial by the isolating policies and the default deny', () => {
    const e = explain(inventory, 'monitoring/prometheus', 'shop/web[Deployment]', {
      protocol: 'TCP',
      port: 8080,
    });
    expect(e.verdict).toBe(false);
    expect(e.egress).toMatchObject({ isolated: false, default: 'allow', matchingRules: [] });
    expect(e.ingress.isolated).toBe(true);
    expect(e.ingress.default).toBe('deny');
    expect(e.ingress.isolatingPolicies.map((p) => p.name)).toEqual(['default-deny', 'web-ingress']);
    expect(e.ingress.matchingRules).toEqual([]);
  });

  it('treats an address outside the pods as external and resolves the named port on the pod', () => {
    const e = explain(inventory, '8.8.8.8', 'shop/web[Deployment]', {
      protocol: 'TCP',
      port: 8080,
    });
    expect(e.verdict).toBe(true);
    expect(e.egress.subject).toBeUndefined();
    expect(e.ingress.matchingRules.map((r) => [r.policy.name, r.connections.toString()])).toEqual([
      ['web-ingress', 'TCP 8080'],
    ]);
    expect(explain(inventory, '10.1.1.1', 'shop/web[Deployment]').allowed.toString()).toBe(
      'No Connections',
    );
  });

  it('without a port, reports every allowed connection and no verdict', () => {
    const e = explain(inventory, 'monitoring/prometheus[Deployment]', 'shop/db[StatefulSet]');
    expect(e.verdict).toBeUndefined();
    expect(e.allowed.toString()).toBe('TCP 9187');
  });
});

describe('resolvePeer', () => {
  it('rejects unknown and malformed peers with a PeerNotFoundError', () => {
    expect(() => resolvePeer(inventory, 'shop/nope')).toThrow(PeerNotFoundError);
    expect(() => resolvePeer(inventory, 'shop/web[StatefulSet]')).toThrow(/no such workload/);
    expect(() => resolvePeer(inventory, 'not a peer')).toThrow(/expected ns\/name/);
  });

  it('resolves the ingress controller and external ranges', () => {
    expect(resolvePeer(inventory, '{ingress-controller}').pods).toHaveLength(1);
    const range = resolvePeer(inventory, '11.0.0.0-255.255.255.255[External]');
    expect(range.endpoint).toEqual({ kind: 'external', ip: { family: 4, value: 184549376n } });
  });
});

describe('explain through the fast model', () => {
  it('gives the reference explanation for the pair asked', () => {
    const viaModel = buildModel(inventory).explain('shop/web[Deployment]', 'shop/db', {
      protocol: 'TCP',
      port: 5432,
    });
    expect(viaModel).toEqual(
      explain(inventory, 'shop/web[Deployment]', 'shop/db', { protocol: 'TCP', port: 5432 }),
    );
    expect(viaModel.verdict).toBe(true);
  });
});

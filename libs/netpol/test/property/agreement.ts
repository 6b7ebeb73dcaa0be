import fc from 'fast-check';
import { evaluationOptionsArbitrary } from '@fenceline/netpol-arbitraries';
import {
  allowedConnections,
  buildModel,
  isAllowed,
  parseIp,
  referenceConnlist,
  type Endpoint,
  type EvaluationOptions,
  type Inventory,
  type Traffic,
  type Verdict,
} from '../../src/index';
import {
  clusterArbitrary,
  externalIpArbitrary,
  portArbitrary,
  protocolArbitrary,
} from './cluster-arbitrary';

/** Runs per property (FENCELINE_PROPERTY_RUNS, 300 by default). */
export const RUNS = Number(process.env['FENCELINE_PROPERTY_RUNS'] ?? 300);

/** What a property draws to choose one traffic: two endpoint picks, an external IP and a port. */
export interface TrafficPick {
  readonly srcPick: number;
  readonly dstPick: number;
  readonly externalIp: string;
  readonly protocol: Traffic['protocol'];
  readonly port: number;
}

export const trafficPickArbitrary: fc.Arbitrary<TrafficPick> = fc.record({
  srcPick: fc.nat(),
  dstPick: fc.nat(),
  externalIp: externalIpArbitrary,
  protocol: protocolArbitrary,
  port: portArbitrary,
});

/**
 * The traffic picked among the inventory's pods and the external IP, or undefined when both
 * ends are external (no policy governs that traffic, so there is nothing to compare).
 */
export function pickTraffic(inventory: Inventory, pick: TrafficPick): Traffic | undefined {
  const endpoints: Endpoint[] = [
    ...inventory.pods.map((pod): Endpoint => ({ kind: 'pod', pod })),
    { kind: 'external', ip: parseIp(pick.externalIp) as NonNullable<ReturnType<typeof parseIp>> },
  ];
  const src = endpoints[pick.srcPick % endpoints.length] as Endpoint;
  const dst = endpoints[pick.dstPick % endpoints.length] as Endpoint;
  if (src.kind === 'external' && dst.kind === 'external') return undefined;
  return { src, dst, protocol: pick.protocol, port: pick.port };
}

/** isAllowed on the traffic's port = allowedConnections.has; returns both for further checks. */
export function expectVerdictAgreement(
  inventory: Inventory,
  traffic: Traffic,
  options?: EvaluationOptions,
): { verdict: Verdict; symbolic: ReturnType<typeof allowedConnections> } {
  const verdict = isAllowed(inventory, traffic, options);
  const symbolic = allowedConnections(inventory, traffic.src, traffic.dst, options);
  expect(symbolic.has(traffic.protocol, traffic.port)).toBe(verdict.allowed);
  return { verdict, symbolic };
}

/** isAllowed on the picked port = allowedConnections.has, and the model's connections = the set. */
export function expectAgreement(
  inventory: Inventory,
  pick: TrafficPick,
  options?: EvaluationOptions,
): void {
  const traffic = pickTraffic(inventory, pick);
  if (!traffic) return;
  const { symbolic } = expectVerdictAgreement(inventory, traffic, options);
  const model = buildModel(inventory, options).connections(traffic.src, traffic.dst);
  expect(model.equals(symbolic)).toBe(true);
}

/**
 * A CNI chain with no objects of its own (`chained`) decides as the standard tiers do
 * (`standard`): isAllowed, allowedConnections and the model through the chain all agree.
 */
export function expectChainAgreement(
  standard: Inventory,
  chained: Inventory,
  pick: TrafficPick,
  options: EvaluationOptions,
): void {
  const traffic = pickTraffic(standard, pick);
  if (!traffic) return;
  const { src, dst } = traffic;
  expect(isAllowed(chained, traffic, options).allowed).toBe(
    isAllowed(standard, traffic, options).allowed,
  );
  const expected = allowedConnections(standard, src, dst, options);
  expect(allowedConnections(chained, src, dst, options).equals(expected)).toBe(true);
  expect(buildModel(chained, options).connections(src, dst).equals(expected)).toBe(true);
}

/** The model's connlist equals the reference connlist, row for row. */
export function expectConnlistAgreement(inventory: Inventory): void {
  const text = (rows: ReturnType<typeof referenceConnlist>) =>
    rows.map((r) => `${r.src} => ${r.dst} : ${r.conn.toString()}`);
  expect(text(buildModel(inventory).connlist())).toEqual(text(referenceConnlist(inventory)));
}

/**
 * Asserts `check` on RUNS random clusters (drawn from `clusters`), evaluation options and
 * traffic picks, in that order of arguments.
 */
export function assertOverTraffic(
  check: (objects: unknown[], options: EvaluationOptions, pick: TrafficPick) => void,
  clusters: fc.Arbitrary<unknown[]> = clusterArbitrary,
): void {
  fc.assert(fc.property(clusters, evaluationOptionsArbitrary, trafficPickArbitrary, check), {
    numRuns: RUNS,
  });
}

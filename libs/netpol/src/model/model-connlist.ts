import { sortRows, type ConnlistRow } from '../connlist/connlist';
import { exposedTargets, serviceSelects } from '../connlist/ingress-controller';
import { externalName, INGRESS_CONTROLLER_PEER } from '../connlist/peer-names';
import type { Service } from '../inventory/inventory';
import { andInto, orInto, type Bits } from './bitset';
import { peerHash, RowDigest } from './row-digest';
import { RowPool } from './row-pool';
import type { PodClass } from './pod-classes';
import type { ReachabilityModel } from './reachability-model';

const EMPTY_BITS = new Uint32Array(0);

/** Workload-level rows of a model, indexed both ways, with per-class digests for diffs. */
export class ModelRows {
  constructor(
    private readonly model: ReachabilityModel,
    /** Row bitsets: the values of `byDst` index it. */
    readonly pool: RowPool,
    /** dst workload → src workload → row index in `pool`. */
    readonly byDst: ReadonlyMap<string, ReadonlyMap<string, number>>,
    /** class key → digest of every row into the class (classes, external atoms, ingress controller). */
    readonly inDigest: ReadonlyMap<string, number>,
    /** class key → digest of its rows to external atoms, and of which workloads it holds. */
    readonly outDigest: ReadonlyMap<string, number>,
  ) {}

  private srcIndex: Map<string, Map<string, number>> | undefined;

  /** src workload → dst workload → row index, built on first use by a diff. */
  get bySrc(): ReadonlyMap<string, ReadonlyMap<string, number>> {
    if (!this.srcIndex) {
      const index = new Map<string, Map<string, number>>();
      for (const [dst, fromSrc] of this.byDst) {
        for (const [src, bits] of fromSrc) {
          let to = index.get(src);
          if (!to) index.set(src, (to = new Map()));
          to.set(dst, bits);
        }
      }
      this.srcIndex = index;
    }
    return this.srcIndex;
  }

  toConnlist(): ConnlistRow[] {
    const rows: ConnlistRow[] = [];
    for (const [dst, bySrc] of this.byDst) {
      for (const [src, row] of bySrc) {
        const { data, offset } = this.pool.locate(row);
        rows.push({ src, dst, conn: this.model.portAtoms.connectionsAt(data, offset) });
      }
    }
    return sortRows(rows);
  }
}

/**
 * Computes every allowed connection of the model, class pair by class pair, folding classes into
 * their workloads. For each destination class only the classes its ingress rules admit are
 * visited (all classes when it is not isolated), so default-deny clusters cost far less than
 * classes².
 */
export function modelConnlist(model: ReachabilityModel): ModelRows {
  const { classes, ingressControllerId: count } = model.pc;
  const out = model.portAtoms.empty();
  const scratch = model.portAtoms.empty();
  const byDst = new Map<string, Map<string, number>>();
  const pool = new RowPool(out.length);
  const emit = (srcNames: readonly string[], dstNames: readonly string[], bits: Bits): void => {
    for (const dst of dstNames) {
      let into = byDst.get(dst);
      if (!into) byDst.set(dst, (into = new Map()));
      for (const src of srcNames) {
        if (src === dst) continue;
        const prev = into.get(src);
        if (prev === undefined) into.set(src, pool.add(bits));
        else pool.orInto(prev, bits);
      }
    }
  };
  const extNames = model.ipAtoms.map(externalName);
  const extHashes = extNames.map(peerHash);
  const extLists = extNames.map((name) => [name]);
  const controllerList = [INGRESS_CONTROLLER_PEER];
  const classHashes = classes.map((c) => peerHash(c.key));
  const controllerHash = peerHash(INGRESS_CONTROLLER_PEER);
  const inDigest = new Map<string, number>();
  const outDigest = new Map<string, number>();
  const controllerRows = ingressControllerRows(model);
  const words = out.length;
  const extCount = extNames.length;
  const extAcc = new Uint32Array(extCount * words);
  const extPorts = model.portAtoms.empty();
  /** Copies atom `e`'s slot of `extAcc` into `out`; false when it is empty. */
  const extSlot = (e: number): boolean => {
    let any = 0;
    for (let i = 0; i < words; i++) any |= out[i] = extAcc[e * words + i] as number;
    return any !== 0;
  };
  const stamp = new Int32Array(count).fill(-1);
  const candidates: number[] = [];
  for (let d = 0; d < count; d++) {
    const dc = classes[d] as PodClass;
    const digest = new RowDigest();
    candidates.length = 0;
    const sets = model.ingressCandidates(d);
    if (!sets) for (let s = 0; s < count; s++) candidates.push(s);
    else {
      for (const peers of sets) {
        peers.forEach((s) => {
          if (s < count && stamp[s] !== d) {
            stamp[s] = d;
            candidates.push(s);
          }
        });
      }
    }
    for (const s of candidates) {
      const sc = classes[s] as PodClass;
      // A class to itself only matters between different workloads of the class.
      if (s === d && dc.workloads.length < 2) continue;
      if (!model.pairInto(out, scratch, s, d)) continue;
      emit(sc.workloads, dc.workloads, out);
      digest.add(classHashes[s] as readonly [number, number], out);
    }
    model.allFromExternalInto(extAcc, extPorts, d);
    for (let e = 0; e < extCount; e++) {
      if (!extSlot(e)) continue;
      emit(extLists[e] as string[], dc.workloads, out);
      digest.add(extHashes[e] as readonly [number, number], out);
    }
    const fromController = controllerRows.get(d);
    if (fromController) {
      emit(controllerList, dc.workloads, fromController);
      digest.add(controllerHash, fromController);
    }
    inDigest.set(dc.key, digest.value);
  }
  for (let s = 0; s < count; s++) {
    const sc = classes[s] as PodClass;
    const digest = new RowDigest();
    digest.add(peerHash([...sc.workloads].sort().join('\u0000')), EMPTY_BITS);
    model.allToExternalInto(extAcc, s);
    for (let e = 0; e < extCount; e++) {
      if (!extSlot(e)) continue;
      emit(sc.workloads, extLists[e] as string[], out);
      digest.add(extHashes[e] as readonly [number, number], out);
    }
    outDigest.set(sc.key, digest.value);
  }
  return new ModelRows(model, pool, byDst, inDigest, outDigest);
}

/** What the ingress controller reaches per class: exposed target ports ∩ what policies admit. */
function ingressControllerRows(model: ReachabilityModel): Map<number, Bits> {
  const rows = new Map<number, Bits>();
  const { classes, ingressControllerId, namespaceRanges } = model.pc;
  const services = new Map<string, Service>(
    model.inventory.services.map((s) => [`${s.namespace}/${s.name}`, s]),
  );
  const out = model.portAtoms.empty();
  const scratch = model.portAtoms.empty();
  for (const exposure of model.inventory.exposures) {
    const service = services.get(`${exposure.namespace}/${exposure.service}`);
    const range = service?.selector ? namespaceRanges.get(service.namespace) : undefined;
    if (!service?.selector || !range) continue;
    for (let d = range[0]; d < range[1]; d++) {
      const cls = classes[d] as PodClass;
      if (!serviceSelects(service.selector, cls.labels)) continue;
      const exposed = model.portAtoms.empty();
      for (const { protocol, port } of exposedTargets(exposure, service, cls.ports)) {
        model.portAtoms.addRange(exposed, protocol, port, port);
      }
      if (!model.pairInto(out, scratch, ingressControllerId, d) || !andInto(out, exposed)) continue;
      const prev = rows.get(d);
      if (prev) orInto(prev, out);
      else rows.set(d, out.slice());
    }
  }
  return rows;
}

import { sortRows, type ConnlistRow } from '../connlist/connlist';
import { externalName, INGRESS_CONTROLLER_PEER } from '../connlist/peer-names';
import type { Service } from '../inventory/inventory';
import { andInto, orInto, type Bits } from './bitset';
import { RowDigest } from './row-digest';
import type { PodClass } from './pod-classes';
import type { ReachabilityModel } from './reachability-model';

/** Workload-level rows of a model, indexed both ways, with per-class digests for diffs. */
export class ModelRows {
  constructor(
    private readonly model: ReachabilityModel,
    /** dst workload → src workload → atoms. */
    readonly byDst: ReadonlyMap<string, ReadonlyMap<string, Bits>>,
    /** src workload → dst workload → atoms (the same bitsets). */
    readonly bySrc: ReadonlyMap<string, ReadonlyMap<string, Bits>>,
    /** class key → digest of every row into the class (classes, external atoms, ingress controller). */
    readonly inDigest: ReadonlyMap<string, number>,
    /** class key → digest of its rows to external atoms, and of which workloads it holds. */
    readonly outDigest: ReadonlyMap<string, number>,
  ) {}

  toConnlist(): ConnlistRow[] {
    const rows: ConnlistRow[] = [];
    for (const [dst, bySrc] of this.byDst) {
      for (const [src, bits] of bySrc) rows.push({ src, dst, conn: this.model.portAtoms.connections(bits) });
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
  const byDst = new Map<string, Map<string, Bits>>();
  const bySrc = new Map<string, Map<string, Bits>>();
  const emit = (srcNames: readonly string[], dstNames: readonly string[], bits: Bits): void => {
    for (const dst of dstNames) {
      let into = byDst.get(dst);
      if (!into) byDst.set(dst, (into = new Map()));
      for (const src of srcNames) {
        if (src === dst) continue;
        const prev = into.get(src);
        if (prev) {
          orInto(prev, bits);
          continue;
        }
        const copy = bits.slice();
        into.set(src, copy);
        let from = bySrc.get(src);
        if (!from) bySrc.set(src, (from = new Map()));
        from.set(dst, copy);
      }
    }
  };
  const extNames = model.ipAtoms.map(externalName);
  const inDigest = new Map<string, number>();
  const outDigest = new Map<string, number>();
  const controllerRows = ingressControllerRows(model);
  const stamp = new Int32Array(count).fill(-1);
  const candidates: number[] = [];
  for (let d = 0; d < count; d++) {
    const dc = classes[d] as PodClass;
    const digest = new RowDigest();
    candidates.length = 0;
    const terms = model.ingressTerms[d];
    if (!terms) for (let s = 0; s < count; s++) candidates.push(s);
    else {
      for (const t of terms) {
        t.peers.forEach((s) => {
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
      digest.add(sc.key, out);
    }
    extNames.forEach((name, e) => {
      if (!model.fromExternalInto(out, e, d)) return;
      emit([name], dc.workloads, out);
      digest.add(name, out);
    });
    const fromController = controllerRows.get(d);
    if (fromController) {
      emit([INGRESS_CONTROLLER_PEER], dc.workloads, fromController);
      digest.add(INGRESS_CONTROLLER_PEER, fromController);
    }
    inDigest.set(dc.key, digest.value);
  }
  for (let s = 0; s < count; s++) {
    const sc = classes[s] as PodClass;
    const digest = new RowDigest();
    digest.addText([...sc.workloads].sort().join('\u0000'));
    extNames.forEach((name, e) => {
      if (!model.toExternalInto(out, s, e)) return;
      emit(sc.workloads, [name], out);
      digest.add(name, out);
    });
    outDigest.set(sc.key, digest.value);
  }
  return new ModelRows(model, byDst, bySrc, inDigest, outDigest);
}

/** What the ingress controller reaches per class: exposed target ports ∩ what policies admit. */
function ingressControllerRows(model: ReachabilityModel): Map<number, Bits> {
  const rows = new Map<number, Bits>();
  const { classes, ingressControllerId, namespaceRanges } = model.pc;
  const services = new Map<string, Service>(model.inventory.services.map((s) => [`${s.namespace}/${s.name}`, s]));
  const out = model.portAtoms.empty();
  const scratch = model.portAtoms.empty();
  for (const exposure of model.inventory.exposures) {
    const service = services.get(`${exposure.namespace}/${exposure.service}`);
    const range = service?.selector ? namespaceRanges.get(service.namespace) : undefined;
    if (!service?.selector || !range) continue;
    for (let d = range[0]; d < range[1]; d++) {
      const cls = classes[d] as PodClass;
      if (!Object.entries(service.selector).every(([k, v]) => cls.labels[k] === v)) continue;
      const exposed = model.portAtoms.empty();
      for (const sp of service.ports) {
        const target = typeof sp.targetPort === 'number' ? sp.targetPort : cls.ports.find((cp) => cp.name === sp.targetPort && cp.protocol === sp.protocol)?.port;
        if (target === undefined) continue;
        const port = exposure.port;
        const selected =
          port === undefined ||
          (port.kind === 'servicePort' && (typeof port.value === 'number' ? sp.port === port.value : sp.name === port.value)) ||
          (port.kind === 'targetPort' && target === port.value);
        if (selected) model.portAtoms.addRange(exposed, sp.protocol, target, target);
      }
      if (!model.pairInto(out, scratch, ingressControllerId, d) || !andInto(out, exposed)) continue;
      const prev = rows.get(d);
      if (prev) orInto(prev, out);
      else rows.set(d, out.slice());
    }
  }
  return rows;
}

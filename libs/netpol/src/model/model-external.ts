import { hasBit, type Bits } from './bitset';
import type { ReachabilityModel } from './reachability-model';

/**
 * Connections from every external atom into class `d`, atom `e` at `acc[e * W ..]` (W words
 * per atom): one pass over the class's rules instead of one per atom.
 */
export function allFromExternal(
  model: ReachabilityModel,
  acc: Uint32Array,
  ports: Bits,
  d: number,
): void {
  const words = ports.length;
  const atoms = model.ipAtoms.length;
  if (model.chained) {
    const out = model.portAtoms.empty();
    for (let e = 0; e < atoms; e++) {
      model.fromExternalInto(out, e, d);
      acc.set(out, e * words);
    }
    return;
  }
  const ingress = model.ingressTerms[d];
  if (!ingress) {
    for (let e = 0; e < atoms; e++) acc.set(model.portAtoms.all, e * words);
    return;
  }
  acc.fill(0);
  for (const t of ingress) {
    ports.fill(0);
    model.orTermPorts(ports, t, d);
    spreadOverAtoms(acc, ports, t.ext, atoms);
  }
}

/** Connections from class `s` to every external atom (named ports never match an address). */
export function allToExternal(model: ReachabilityModel, acc: Uint32Array, s: number): void {
  const words = model.portAtoms.all.length;
  const atoms = model.ipAtoms.length;
  if (model.egressTiered(s)) {
    const out = model.portAtoms.empty();
    for (let e = 0; e < atoms; e++) {
      model.toExternalInto(out, s, e);
      acc.set(out, e * words);
    }
    return;
  }
  const egress = model.egressTerms[s];
  if (!egress) {
    for (let e = 0; e < atoms; e++) acc.set(model.portAtoms.all, e * words);
    return;
  }
  acc.fill(0);
  for (const t of egress)
    spreadOverAtoms(acc, t.allPorts ? model.portAtoms.all : t.numeric, t.ext, atoms);
}

/** ORs `ports` into the slot of every atom in `ext` (every atom when `ext` is undefined). */
function spreadOverAtoms(
  acc: Uint32Array,
  ports: Bits,
  ext: Bits | undefined,
  atoms: number,
): void {
  const words = ports.length;
  for (let e = 0; e < atoms; e++) {
    if (ext !== undefined && !hasBit(ext, e)) continue;
    const at = e * words;
    for (let i = 0; i < words; i++) acc[at + i] = (acc[at + i] as number) | (ports[i] as number);
  }
}

import type { Inventory } from '../inventory/inventory';
import type { EvaluationOptions } from '../reference/traffic';
import type { PodClass, PodClasses } from './pod-classes';
import type { PolicyCompiler, Term } from './policy-terms';
import type { SelectorIndex } from './selector-index';

/**
 * Per class and direction, the terms of the NetworkPolicies isolating it; `undefined` when no
 * policy isolates it (everything allowed at that tier).
 */
export function compileNetworkPolicies(
  inventory: Inventory,
  selectors: SelectorIndex,
  pc: PodClasses,
  compiler: PolicyCompiler,
  options: EvaluationOptions,
): { ingress: (Term[] | undefined)[]; egress: (Term[] | undefined)[] } {
  const ingress: (Term[] | undefined)[] = new Array(pc.classes.length).fill(undefined);
  const egress: (Term[] | undefined)[] = new Array(pc.classes.length).fill(undefined);
  inventory.policies.forEach((policy, index) => {
    const selected = selectors.classesIn(policy.namespace, policy.podSelector);
    if (selected.size === 0) return;
    const compiled = compiler.compile(policy, index);
    selected.forEach((id) => {
      const cls = pc.classes[id] as PodClass;
      if (cls.hostNetwork && options.hostNetwork === 'unrestricted') return;
      if (policy.isolates.ingress) {
        const list = (ingress[id] ??= []);
        for (const t of compiled.ingress) list.push(t);
      }
      if (policy.isolates.egress) {
        const list = (egress[id] ??= []);
        for (const t of compiled.egress) list.push(t);
      }
    });
  });
  return { ingress, egress };
}

import type { PolicyChain } from '../../chain/policy-chain';
import type { Inventory } from '../../inventory/inventory';
import type { EvaluationOptions } from '../../reference/traffic';

/** Cilium's enforcement order of an inventory as an ordered chain (to be filled in: issue 16). */
export function ciliumChain(inventory: Inventory, options: EvaluationOptions): PolicyChain {
  void options;
  void inventory;
  return { cni: 'cilium', tiers: [], policies: [] };
}

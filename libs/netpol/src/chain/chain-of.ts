import { antreaChain } from '../cni/antrea/antrea-chain';
import { calicoChain } from '../cni/calico/calico-chain';
import { ciliumChain } from '../cni/cilium/cilium-chain';
import type { Inventory } from '../inventory/inventory';
import type { EvaluationOptions } from '../reference/traffic';
import type { PolicyChain } from './policy-chain';

const cache = new WeakMap<Inventory, Map<string, PolicyChain>>();

/**
 * The ordered chain that decides an inventory's traffic when a CNI's own policies are present
 * (Calico today), or undefined: then the Kubernetes tiers (Admin, NetworkPolicy, Baseline)
 * decide as the network-policy-api reference describes. Built once per inventory and options.
 *
 * @example policyChainOf(inventory, DEFAULT_OPTIONS)?.tiers.map((t) => t.name)
 */
export function policyChainOf(
  inventory: Inventory,
  options: EvaluationOptions,
): PolicyChain | undefined {
  const build = chainBuilder(inventory);
  if (!build) return undefined;
  const key = `${options.hostNetwork}|${options.ipBlockMatchesPods}`;
  let byOptions = cache.get(inventory);
  if (!byOptions) {
    byOptions = new Map();
    cache.set(inventory, byOptions);
  }
  let chain = byOptions.get(key);
  if (!chain) {
    chain = build(inventory, options);
    byOptions.set(key, chain);
  }
  return chain;
}

/**
 * Which CNI's chain decides: the one whose objects the inventory holds (Calico, then Cilium,
 * then Antrea when several are present; choosing by the cluster's CNI is issue 16's `--cni`).
 */
function chainBuilder(
  inventory: Inventory,
): ((inventory: Inventory, options: EvaluationOptions) => PolicyChain) | undefined {
  if (inventory.calico) return calicoChain;
  if (inventory.cilium) return ciliumChain;
  if (inventory.antrea) return antreaChain;
  return undefined;
}

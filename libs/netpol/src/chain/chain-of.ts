import { antreaChain } from '../cni/antrea/antrea-chain';
import { calicoChain } from '../cni/calico/calico-chain';
import { ciliumChain } from '../cni/cilium/cilium-chain';
import type { Inventory } from '../inventory/inventory';
import type { EvaluationOptions } from '../reference/traffic';
import { chosenCni } from './cni-choice';
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

/** Which CNI's chain decides (see {@link chosenCni}). */
function chainBuilder(
  inventory: Inventory,
): ((inventory: Inventory, options: EvaluationOptions) => PolicyChain) | undefined {
  switch (chosenCni(inventory)) {
    case 'calico':
      return inventory.calico ? calicoChain : undefined;
    case 'cilium':
      return inventory.cilium ? ciliumChain : undefined;
    case 'antrea':
      return inventory.antrea ? antreaChain : undefined;
    default:
      return undefined;
  }
}

import type { Framework, FrameworkId } from '../framework/types';
import { CIS_K8S } from './cis-k8s';
import { NSA_CISA } from './nsa-cisa';
import { PCI_DSS } from './pci-dss';
import { ZERO_TRUST } from './zero-trust';

/** Every framework Fenceline evaluates. */
export const FRAMEWORKS: readonly Framework[] = [ZERO_TRUST, PCI_DSS, CIS_K8S, NSA_CISA];

export const FRAMEWORK_IDS: readonly FrameworkId[] = FRAMEWORKS.map((f) => f.id);

/** The framework with this id, or `undefined`. */
export function findFramework(id: string): Framework | undefined {
  return FRAMEWORKS.find((f) => f.id === id);
}

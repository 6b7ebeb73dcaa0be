import type { ObjectRef } from '../../errors/object-ref';

/** What a snapshot or manifest set holds of Antrea's own policy kinds (to be filled in: issue 16). */
export interface AntreaObjects {
  readonly policies: readonly { readonly ref: ObjectRef }[];
}

/** Whether an object is one of the Antrea kinds the engine evaluates (none yet). */
export function isAntreaKind(kind: string, apiVersion: string | undefined): boolean {
  return kind === '' && apiVersion === '';
}

/**
 * The organisation's policy as the options page shows it: what is in force, what was ignored and
 * why, and whether import and roll back are locked. The background reads the policy and records
 * it (lib/managed/status.ts); this store follows that record.
 */
import { isLockedStatus, type ManagedStatus } from '../managed/status';
import { value } from './value';

export interface ManagedDeps {
  read(): Promise<ManagedStatus | null>;
  onChanged(listener: () => void): () => void;
}

export function createManagedStore(deps: ManagedDeps | null) {
  const status = value<ManagedStatus | null>(null);
  const refresh = () =>
    deps
      ?.read()
      .then((next) => status.set(next))
      .catch(() => undefined);
  return {
    status,
    /** Read at once; followed until the returned function is called. */
    start(): () => void {
      if (!deps) return () => {};
      void refresh();
      return deps.onChanged(() => void refresh());
    },
    isLocked: () => isLockedStatus(status.get()),
  };
}

export type ManagedStore = ReturnType<typeof createManagedStore>;

/**
 * Every step from one config version to the next, in order. Each step lives in its own file named
 * `vNNN-to-vMMM.ts` (as in mengxi-ream/read-frog) and is registered here; `migrations.test.ts`
 * checks that each file is registered and that a frozen example of its source version exists in
 * `__fixtures__/versions/`. Version 1 is the first, so there is no step yet.
 */
export interface Migration {
  from: number;
  to: number;
  /** Takes a document of version `from` (already checked to say so) and returns one of version `to`. */
  migrate(doc: Record<string, unknown>): Record<string, unknown>;
}

export const MIGRATIONS: readonly Migration[] = [];

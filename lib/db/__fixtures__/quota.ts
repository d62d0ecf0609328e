/**
 * A browser out of space, modelled for fake-indexeddb (which has no quota). While `full`, every
 * put and add, in any table, is refused with the DOMException a browser throws, except in a
 * transaction that has deleted tickets (it frees more than the totals it rewrites take); deletes
 * pass, and once `need` ticket rows have been deleted there is room again.
 * It sits next to IndexedDB, below the totals' middleware, so their writes meet it too.
 */
import type { DBCore, DBCoreMutateRequest } from 'dexie';
import type { SlaLensDatabase } from '../database';

export interface QuotaModel {
  full: boolean;
  /** Ticket rows to delete before writes are taken again. */
  need: number;
  /** Writes refused so far. */
  refused: number;
}

export function modelQuota(db: SlaLensDatabase, model: QuotaModel): QuotaModel {
  const freeing = new WeakSet<object>();
  db.use({
    stack: 'dbcore',
    name: 'QuotaModel',
    level: 5,
    create: (down: DBCore) => ({
      ...down,
      table(name: string) {
        const table = down.table(name);
        return {
          ...table,
          mutate(req: DBCoreMutateRequest) {
            if (name === 'tickets' && req.type === 'delete') freeing.add(req.trans);
            if (model.full && (req.type === 'put' || req.type === 'add') && !freeing.has(req.trans)) {
              model.refused++;
              return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
            }
            return table.mutate(req).then((res) => {
              if (name === 'tickets' && req.type === 'delete' && model.full) {
                model.need -= req.keys.length - res.numFailures;
                if (model.need <= 0) model.full = false;
              }
              return res;
            });
          },
        };
      },
    }),
  });
  return model;
}

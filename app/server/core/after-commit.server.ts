/**
 * Work that must wait until the surrounding transaction has committed — dropping cached public pages: a page
 * rendered between the write and the commit would still show the old state, and a rolled-back write must not
 * count. db.server wraps every `db.transaction` so that what `afterCommit` registers inside it runs after a
 * successful COMMIT (and is dropped on rollback). Outside a transaction the write has already committed, so
 * the work runs at once.
 */
import { AsyncLocalStorage } from "node:async_hooks";

type Hook = () => void;

const pending = new AsyncLocalStorage<Hook[]>();

export function afterCommit(hook: Hook): void {
  const hooks = pending.getStore();
  if (hooks) hooks.push(hook);
  else runHook(hook);
}

function runHook(hook: Hook) {
  try {
    hook();
  } catch (error) {
    // A hook only drops cached state; its failure must not turn a committed write into an error page.
    console.error("afterCommit hook failed", error);
  }
}

/** Runs `transaction` with its own list of hooks and runs them once it has resolved (= committed). */
export async function withAfterCommit<T>(transaction: () => Promise<T>): Promise<T> {
  const hooks: Hook[] = [];
  const result = await pending.run(hooks, transaction);
  for (const hook of hooks) runHook(hook);
  return result;
}

/**
 * Makes `db.transaction` of a drizzle database run its `afterCommit` hooks after the commit. Nested
 * transactions (savepoints, `tx.transaction`) add to the outermost one's list.
 */
export function runHooksAfterCommit<D extends { transaction: (...args: never[]) => Promise<unknown> }>(db: D): D {
  const transaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
  (db as { transaction: unknown }).transaction = (...args: unknown[]) => withAfterCommit(() => transaction(...args));
  return db;
}

/**
 * Runs `task` for every item with at most `limit` in flight, and resolves when all are done (the first failure
 * rejects; a task that must not stop the others catches its own errors).
 */
export async function inPool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

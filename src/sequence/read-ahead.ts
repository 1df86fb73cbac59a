/**
 * Starts `load` for the first `window` items and, as each result is taken in order, for the next one,
 * so reading files from disk overlaps with the CPU work done on the results already taken.
 * Results come back in the order of `items`; besides the one being awaited, at most `window` loads are in flight.
 */
export async function* readAhead<T, R>(items: readonly T[], window: number, load: (item: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Array<Promise<R>> = []
  let next = 0
  const startNext = (): void => {
    if (next < items.length) pending.push(settleLater(load(items[next++]!)))
  }
  for (let i = 0; i < window; i++) startNext()
  while (pending.length > 0) {
    const result = pending.shift()!
    startNext()
    yield await result
  }
}

/** Keeps a rejection from counting as unhandled while the promise waits in the window; awaiting it still throws. */
function settleLater<R>(promise: Promise<R>): Promise<R> {
  promise.catch(() => undefined)
  return promise
}

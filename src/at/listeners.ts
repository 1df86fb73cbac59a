/** A set of listeners of one kind of event, each removable by the function `add` returns. */
export class Listeners<T> {
  readonly #listeners = new Set<(event: T) => void>()

  /** Adds `listener`; returns the function that removes it. */
  add(listener: (event: T) => void): () => void {
    this.#listeners.add(listener)
    return () => void this.#listeners.delete(listener)
  }

  /** Calls every listener with `event`, in the order they were added. */
  emit(event: T): void {
    for (const listener of this.#listeners) listener(event)
  }
}

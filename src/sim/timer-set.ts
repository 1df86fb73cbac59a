/** The modem's pending timers, so that a power-down can cancel every one of them at once. */
export class TimerSet {
  private readonly timers = new Set<NodeJS.Timeout>()

  /** Runs `run` after `ms` unless cleared first. */
  schedule(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      run()
    }, ms)
    this.timers.add(timer)
  }

  /** Cancels every pending timer. */
  clear(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }
}

/** Resolves on the first SIGINT or SIGTERM, for commands that serve in the foreground until stopped. */
export function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise(resolve => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve(signal)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}

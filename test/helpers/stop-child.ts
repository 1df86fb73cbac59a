/**
 * Ends a tool a test started and waits until it has: SIGTERM, then SIGKILL if it is still there after `graceMs`. A
 * teardown that only signals can leave a tool that ignores or outlives SIGTERM holding the test process open.
 */
import { once } from 'node:events'
import type { ChildProcess } from 'node:child_process'

/** Resolves once `child` has exited (at once if it already had). */
export async function stopChild(child: ChildProcess, graceMs = 2000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
  try {
    await exited
  } finally {
    clearTimeout(timer)
  }
}

// A worker thread of the scale bench: runs the suite on the devices it is sent, as the main thread would, and replies
// with the exit code. It stays up between rounds so that it is as warm as the main thread.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parentPort } from 'node:worker_threads'
import { runFiles } from '../../dist/app/run-files.js'
import { ConsoleProgress } from '../../dist/report/console/console-progress.js'

/** Runs `suite` on `devices` (`name=url` strings) with all report formats; resolves to the exit code. */
export async function runSuiteOn(suite, devices) {
  const dir = mkdtempSync(join(tmpdir(), 'atseq-bench-scale-'))
  try {
    const result = await runFiles([suite], {
      devices,
      vars: {},
      resolve: [],
      reportDir: dir,
      formats: ['html', 'junit', 'json'],
      timeoutScale: 1,
      maskIdentifiers: true,
      identify: true,
      atseqVersion: 'bench',
      commandLine: ['bench'],
      signal: new AbortController().signal,
      teardownSignal: new AbortController().signal,
      tags: [],
      bail: false,
      progress: new ConsoleProgress({ color: false, write: () => {} }),
      writeError: text => process.stderr.write(text),
    })
    return result.exitCode
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

parentPort?.on('message', async ({ suite, devices }) => {
  if (devices === undefined) return parentPort.close()
  parentPort.postMessage(await runSuiteOn(suite, devices))
})

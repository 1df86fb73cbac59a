/** Runs a suite folder in-process on one simulated device, as `atseq run <suite> -d <device>` would. */
import { join } from 'node:path'
import type { Test } from 'tap'
import { runFiles } from '../../src/app/run-files.js'
import type { SuiteRecord } from '../../src/model/suite-record.js'
import { filesRunOptions } from './run-options.js'

/** The suite's record after running `suite` (a folder holding a suite.yaml) on `device` in a fresh report folder. */
export async function runSuiteOn(t: Test, suite: string, device: string): Promise<SuiteRecord> {
  const dir = t.testdir({})
  const result = await runFiles(
    [suite],
    filesRunOptions(join(dir, 'reports'), text => t.comment(text), { devices: [device], commandLine: ['atseq', 'run', suite] }),
  )
  if (!result.suite) throw new Error(`${suite} did not run as a suite on ${device}`)
  return result.suite
}

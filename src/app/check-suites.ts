/**
 * `atseq validate` and `lint` over paths that may hold suites: suite files are checked as suites
 * (schema, globs that match nothing, a missing setup or teardown), every other YAML file as a sequence.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { SIM_SESSION_VAR_NAMES, type SimSessionVarName } from '../model/session-vars.js'
import { findSequenceFiles } from '../sequence/find-sequence-files.js'
import { checkSequenceFiles, type CheckOptions, type FileCheck } from '../sequence/check-files.js'
import { expandSuite } from '../plan/expand-suite.js'
import { loadSuite } from '../plan/load-suite.js'
import { isSuiteFile } from '../plan/suite-file.js'

/** Splits the files under `paths` into suite files and the rest; `sequencePaths` is `paths` itself when there is no suite. */
export async function partitionSuiteFiles(paths: readonly string[]): Promise<{ suites: string[]; sequencePaths: string[] }> {
  const files = await findSequenceFiles(paths)
  const suites = files.filter(isSuiteFile)
  if (suites.length === 0) return { suites, sequencePaths: [...paths] }
  return { suites, sequencePaths: files.filter(file => !isSuiteFile(file)) }
}

/** Each suite's check (loaded, its globs expanded), and the names each suite gives the files it runs (its vars, its entries' and its devices'). */
async function readSuiteFiles(files: readonly string[]): Promise<{ checks: FileCheck[]; suiteNames: Record<string, string[]> }> {
  const checks: FileCheck[] = []
  const suiteNames: Record<string, string[]> = {}
  const give = (file: string | undefined, names: readonly string[]): void => {
    if (file !== undefined) suiteNames[resolve(file)] = [...(suiteNames[resolve(file)] ?? []), ...names]
  }
  for (const file of files) {
    const loaded = await loadSuite(file)
    const expansion = loaded.suite ? await expandSuite(loaded.suite) : undefined
    const diagnostics = [...loaded.diagnostics, ...(expansion?.diagnostics ?? [])]
    checks.push({ file, valid: loaded.suite !== undefined && !diagnostics.some(d => d.severity === 'error'), diagnostics })
    if (loaded.suite === undefined || expansion === undefined) continue
    const suiteVars = [...Object.keys(loaded.suite.vars), ...Object.values(loaded.suite.deviceVars).flatMap(vars => Object.keys(vars))]
    for (const { file: sequence, entry } of expansion.files) give(sequence, [...suiteVars, ...Object.keys(entry.vars)])
    give(expansion.setup, suiteVars)
    give(expansion.teardown, suiteVars)
  }
  return { checks, suiteNames }
}

/** Vars a run on the simulator provides (the embedded broker's certificates, the FTP server's account), so lint does not call them undefined. */
export const SESSION_VAR_PLACEHOLDERS: Readonly<Partial<Record<SimSessionVarName, string>>> = {
  broker_ca: '-----BEGIN CERTIFICATE-----',
  broker_client_cert: '-----BEGIN CERTIFICATE-----',
  broker_client_key: '-----BEGIN PRIVATE KEY-----',
  wrong_ca: '-----BEGIN CERTIFICATE-----',
  ftp_user: 'atseq',
  ftp_password: 'atseq-ftp',
}

/** The folder `validate` and `lint` check when given no paths. */
export const DEFAULT_SEQUENCE_FOLDER = 'sequences'

/** True when no path was given and the default folder is not here (a fresh project): a usage problem, not a file problem. */
export function isMissingDefaultFolder(paths: readonly string[]): boolean {
  return paths.length === 1 && paths[0] === DEFAULT_SEQUENCE_FOLDER && !existsSync(DEFAULT_SEQUENCE_FOLDER)
}

/**
 * Checks sequence files and suite files (`suite.yaml`, `*.suite.yaml`) found under `paths`. A sequence may use the
 * names the simulator session gives and, when a suite found here runs it, the names that suite gives.
 */
export async function checkFilesAndSuites(paths: readonly string[], options: CheckOptions = {}): Promise<FileCheck[]> {
  const { suites, sequencePaths } = await partitionSuiteFiles(paths)
  const { checks, suiteNames } = await readSuiteFiles(suites)
  const names = [...SIM_SESSION_VAR_NAMES, ...(options.names ?? [])]
  const sequenceChecks = sequencePaths.length === 0 ? [] : await checkSequenceFiles(sequencePaths, { ...options, names, suiteNames })
  return [...sequenceChecks, ...checks]
}

export { summariseChecks, type CheckOptions, type FileCheck } from '../sequence/check-files.js'

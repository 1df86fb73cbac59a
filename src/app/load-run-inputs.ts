/** Reading what `atseq run` was given: which paths are suites, and loading sequences and suites with their diagnostics. */
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { expandSuite } from '../plan/expand-suite.js'
import { loadSuite } from '../plan/load-suite.js'
import { isSuiteFile } from '../plan/suite-file.js'
import type { Suite, SuiteEntry } from '../model/suite.js'
import type { Diagnostic } from '../model/diagnostic.js'
import type { Sequence } from '../model/sequence.js'
import { findSequenceFiles } from '../sequence/find-sequence-files.js'
import { loadSequence } from '../sequence/load-sequence.js'

/** Suite files named directly, and folders that hold a `suite.yaml`, are suites; everything else is sequences. */
export async function classifyInputs(paths: string[]): Promise<{ suites: string[]; others: string[] }> {
  const suites: string[] = []
  const others: string[] = []
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined)
    if (info?.isDirectory()) {
      const inside = await firstExisting([join(path, 'suite.yaml'), join(path, 'suite.yml')])
      if (inside) suites.push(inside)
      else others.push(path)
    } else if (isSuiteFile(path)) suites.push(path)
    else others.push(path)
  }
  return { suites, others }
}

async function firstExisting(files: string[]): Promise<string | undefined> {
  for (const file of files) if ((await stat(file).catch(() => undefined))?.isFile()) return file
  return undefined
}

/** Sequences (and for a suite, its setup and teardown) ready to plan, or the diagnostics that stop the run. */
export interface Loaded {
  suite?: Suite
  sequences?: Array<{ sequence: Sequence; entry?: SuiteEntry }>
  setup?: Sequence
  teardown?: Sequence
  diagnostics: Diagnostic[]
}

/** Loads the sequence files in these files and folders. */
export async function loadFiles(paths: string[], writeError: (text: string) => void): Promise<Loaded> {
  const files = (await findSequenceFiles(paths)).filter(file => !isSuiteFile(file))
  if (files.length === 0) {
    writeError(`atseq: no sequence files (*.yaml) in ${paths.join(', ')}\n`)
    return { diagnostics: [] }
  }
  const results = await Promise.all(files.map(file => loadSequence(file)))
  const diagnostics = results.flatMap(result => result.diagnostics)
  const sequences = results.flatMap(result => (result.sequence ? [{ sequence: result.sequence }] : []))
  return { diagnostics, ...(sequences.length === results.length ? { sequences } : {}) }
}

/** Loads a suite and every sequence its globs name, with its setup and teardown. */
export async function loadSuiteFiles(file: string): Promise<Loaded> {
  const loaded = await loadSuite(file)
  if (!loaded.suite) return { diagnostics: loaded.diagnostics }
  const suite = loaded.suite
  const expansion = await expandSuite(suite)
  const load = async (path: string | undefined): Promise<Sequence | undefined> => {
    if (path === undefined) return undefined
    const result = await loadSequence(path)
    expansion.diagnostics.push(...result.diagnostics)
    return result.sequence
  }
  const results = await Promise.all(expansion.files.map(async ({ file: path, entry }) => ({ sequence: await load(path), entry })))
  const setup = await load(expansion.setup)
  const teardown = await load(expansion.teardown)
  const sequences = results.flatMap(({ sequence, entry }) => (sequence ? [{ sequence, entry }] : []))
  return {
    suite,
    diagnostics: expansion.diagnostics,
    ...(sequences.length === results.length ? { sequences } : {}),
    ...(setup ? { setup } : {}),
    ...(teardown ? { teardown } : {}),
  }
}

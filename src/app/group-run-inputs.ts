/**
 * What `atseq run <folder>` finds in a folder that holds suites somewhere inside: each nested `suite.yaml` runs as
 * that suite (its vars, broker users, simulator settings, setup and teardown), and the sequence files no suite
 * folder holds and no suite lists run loose, after the suites.
 */
import { stat } from 'node:fs/promises'
import { basename, dirname, relative, resolve, sep } from 'node:path'
import { expandSuite } from '../plan/expand-suite.js'
import { loadSuite } from '../plan/load-suite.js'
import { isSuiteFile } from '../plan/suite-file.js'
import { findSequenceFiles } from '../sequence/find-sequence-files.js'

/** One part of a run: a suite file, or the loose sequence files. */
export type RunGroup = { kind: 'suite'; file: string; folder: string; sequences: number } | { kind: 'loose'; files: string[] }

/** The groups of a folder with nested suites, suites first; undefined when no folder given holds a nested suite. */
export async function groupRunInputs(paths: readonly string[]): Promise<RunGroup[] | undefined> {
  const folder = paths.length === 1 ? paths[0] : undefined
  if (folder === undefined || !(await stat(folder).catch(() => undefined))?.isDirectory()) return undefined
  const files = await findSequenceFiles(paths)
  const suiteFiles = files.filter(file => /^suite\.ya?ml$/i.test(basename(file)))
  // A folder that holds a suite.yaml itself is that suite (run-files' own case), whatever it holds further down.
  if (suiteFiles.length === 0 || suiteFiles.some(file => resolve(dirname(file)) === resolve(folder))) return undefined
  const suites = await Promise.all(suiteFiles.map(describeSuite))
  const claimed = new Set(suites.flatMap(suite => suite.claimed))
  const folders = suites.map(suite => `${resolve(suite.group.folder)}${sep}`)
  const loose = files.filter(file => !isSuiteFile(file) && !claimed.has(resolve(file)) && !folders.some(f => resolve(file).startsWith(f)))
  return [...suites.map(suite => suite.group), ...(loose.length === 0 ? [] : [{ kind: 'loose' as const, files: loose }])]
}

async function describeSuite(file: string): Promise<{ group: RunGroup & { kind: 'suite' }; claimed: string[] }> {
  const folder = dirname(file)
  const loaded = await loadSuite(file)
  // A suite that does not load still runs as a suite, so loading it reports its problems with their locations.
  const expansion = loaded.suite === undefined ? undefined : await expandSuite(loaded.suite)
  const claimed = (expansion?.files ?? []).map(entry => resolve(entry.file))
  return { group: { kind: 'suite', file, folder, sequences: claimed.length }, claimed }
}

/** `found suite sequences/simcom/mqtt (14 sequences), 3 loose files`. */
export function describeRunGroups(groups: readonly RunGroup[]): string {
  const parts = groups.map(group =>
    group.kind === 'suite'
      ? `suite ${relative('.', group.folder) || '.'} (${group.sequences} sequence${group.sequences === 1 ? '' : 's'})`
      : `${group.files.length} loose file${group.files.length === 1 ? '' : 's'}`,
  )
  return `found ${parts.join(', ')}`
}

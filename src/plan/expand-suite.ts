/**
 * Turns a suite's `sequences:` globs into files, in suite order: entries in the order listed, the
 * files one glob matches in name order (or all by name with `order: name`). The suite file, its
 * setup and teardown, other suite files and `exclude:` globs are never run as sequences.
 */
import { readdir, stat } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { errorAt, type Diagnostic } from '../model/diagnostic.js'
import { doesGlobMatch } from './glob-pattern.js'
import { isSuiteFile } from './suite-file.js'
import type { Suite, SuiteEntry } from '../model/suite.js'

/** A file a suite runs, with the entry that selected it. */
export interface SuiteFile {
  file: string
  entry: SuiteEntry
}

export interface SuiteExpansion {
  files: SuiteFile[]
  setup?: string
  teardown?: string
  diagnostics: Diagnostic[]
}

/** Expands the suite's globs against the files under the suite's folder. */
export async function expandSuite(suite: Suite): Promise<SuiteExpansion> {
  const root = dirname(suite.file)
  const all = await listYamlFiles(root)
  const diagnostics: Diagnostic[] = []
  const special = [suite.setup, suite.teardown].filter((glob): glob is string => glob !== undefined).map(normalise)
  const isRunnable = (path: string): boolean =>
    !isSuiteFile(path) && !special.includes(path) && !suite.exclude.some(glob => doesGlobMatch(glob, path))
  const taken = new Set<string>()
  const files: SuiteFile[] = []
  for (const entry of suite.entries) {
    const matches = isLiteralPath(entry.glob) ? await findLiteral(root, entry.glob) : all.filter(path => doesGlobMatch(entry.glob, path))
    if (matches.length === 0)
      diagnostics.push(
        errorAt(
          entry.at,
          'suite-no-match',
          `\`${entry.glob}\` matches no sequence file next to the suite`,
          'globs are relative to the suite file',
        ),
      )
    for (const path of matches.filter(isRunnable)) {
      if (taken.has(path)) continue
      taken.add(path)
      files.push({ file: join(root, path), entry })
    }
  }
  if (suite.order === 'name') files.sort((a, b) => a.file.localeCompare(b.file))
  const setup = findSpecial(suite, 'setup', all, root, diagnostics)
  const teardown = findSpecial(suite, 'teardown', all, root, diagnostics)
  return { files, diagnostics, ...(setup ? { setup } : {}), ...(teardown ? { teardown } : {}) }
}

function findSpecial(suite: Suite, key: 'setup' | 'teardown', all: string[], root: string, diagnostics: Diagnostic[]): string | undefined {
  const path = suite[key]
  if (path === undefined) return undefined
  if (all.includes(normalise(path))) return join(root, normalise(path))
  diagnostics.push(
    errorAt(
      suite.at,
      `suite-${key}-missing`,
      `the suite's ${key} file \`${path}\` does not exist`,
      'the path is relative to the suite file',
    ),
  )
  return undefined
}

/** A path without glob characters may also name a file outside the suite's folder (`../seed.yaml`). */
function isLiteralPath(glob: string): boolean {
  return !/[*?]/.test(glob)
}

async function findLiteral(root: string, path: string): Promise<string[]> {
  const info = await stat(join(root, path)).catch(() => undefined)
  return info?.isFile() ? [normalise(path)] : []
}

function normalise(path: string): string {
  return path.replace(/^\.\//, '')
}

/** Every `*.yaml` / `*.yml` under `root` (not in dot-folders), as sorted `/`-separated relative paths. */
async function listYamlFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  return entries
    .filter(e => e.isFile() && /\.ya?ml$/i.test(e.name))
    .map(e =>
      relative(root, join(e.parentPath ?? root, e.name))
        .split(sep)
        .join('/'),
    )
    .filter(path => !path.split('/').some(part => part.startsWith('.')))
    .sort()
}

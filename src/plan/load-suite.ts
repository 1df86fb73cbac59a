/**
 * Reads a suite file: YAML with positions, the suite schema, then the model. Every problem is
 * collected as a located diagnostic; a suite with any error is not returned.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { LineCounter, parseDocument } from 'yaml'
import { errorAt, hasErrors, sortDiagnostics, type Diagnostic } from '../model/diagnostic.js'
import { checkSuiteSchema, locate, type SuiteSource } from './suite-schema-check.js'
import type { BrokerSettings, SimSettings, Suite, SuiteEntry } from '../model/suite.js'

export interface SuiteLoad {
  suite?: Suite
  diagnostics: Diagnostic[]
}

type Raw = Record<string, unknown>
type RawEntry = string | { path: string; vars?: Raw; broker?: BrokerSettings; sim?: SimSettings }

/** Loads and validates a suite file. */
export async function loadSuite(file: string): Promise<SuiteLoad> {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO'
    return { diagnostics: [errorAt({ file, line: 1, col: 1 }, 'unreadable-file', `cannot read the suite file (${code})`)] }
  }
  return loadSuiteText(file, bytes)
}

/** Same as `loadSuite` for bytes already read. */
export function loadSuiteText(file: string, bytes: Buffer): SuiteLoad {
  const lines = new LineCounter()
  const doc = parseDocument(bytes.toString('utf8'), { lineCounter: lines, prettyErrors: false })
  const source: SuiteSource = { file, doc, lines }
  const yamlErrors = doc.errors.map(error => {
    const { line, col } = lines.linePos(error.pos[0])
    return errorAt({ file, line, col }, 'yaml-syntax', error.message.split('\n')[0] ?? 'invalid YAML')
  })
  if (yamlErrors.length > 0) return { diagnostics: sortDiagnostics(yamlErrors) }
  const data = doc.toJS({ maxAliasCount: 100 }) as unknown
  const problems = checkSuiteSchema(data, source)
  if (hasErrors(problems)) return { diagnostics: sortDiagnostics(problems) }
  return { suite: buildSuite(data as Raw, source, bytes), diagnostics: [] }
}

function buildSuite(raw: Raw, source: SuiteSource, bytes: Buffer): Suite {
  const tags = (raw['tags'] ?? {}) as { include?: string[]; exclude?: string[] }
  const devices = (raw['devices'] ?? {}) as Record<string, { vars?: Raw }>
  return {
    file: source.file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    name: raw['suite'] as string,
    ...(raw['description'] === undefined ? {} : { description: raw['description'] as string }),
    ...(raw['device'] === undefined ? {} : { device: raw['device'] as string }),
    entries: (raw['sequences'] as RawEntry[]).map((entry, index) => buildEntry(entry, locate(source, ['sequences', String(index)]))),
    exclude: (raw['exclude'] as string[] | undefined) ?? [],
    includeTags: tags.include ?? [],
    excludeTags: tags.exclude ?? [],
    order: (raw['order'] as Suite['order'] | undefined) ?? 'listed',
    vars: stringifyVars(raw['vars'] as Raw | undefined),
    deviceVars: Object.fromEntries(Object.entries(devices).map(([name, d]) => [name, stringifyVars(d.vars)])),
    ...(raw['setup'] === undefined ? {} : { setup: raw['setup'] as string }),
    ...(raw['teardown'] === undefined ? {} : { teardown: raw['teardown'] as string }),
    timeoutScale: (raw['timeout_scale'] as number | undefined) ?? 1,
    at: { file: source.file, line: 1, col: 1 },
  }
}

function buildEntry(entry: RawEntry, at: SuiteEntry['at']): SuiteEntry {
  if (typeof entry === 'string') return { glob: entry, vars: {}, at }
  return {
    glob: entry.path,
    vars: stringifyVars(entry.vars),
    ...(entry.broker ? { broker: entry.broker } : {}),
    ...(entry.sim ? { sim: entry.sim } : {}),
    at,
  }
}

/** Vars are strings at run time, as `--var` gives them. */
export function stringifyVars(vars: Raw | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(vars ?? {}).map(([name, value]) => [name, String(value)]))
}

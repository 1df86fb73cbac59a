/**
 * Builds a run's masker from everything that declares a secret: the file's `vars`/`secrets:`, `--secret` and
 * `--secret-var`, var names that say they are secret, the environment values the sequence reads, and the
 * regex captures that fill secret vars (so the line a secret arrives on is masked too).
 */
import { Masker } from '../record/masker.js'
import type { Sequence } from '../model/sequence.js'

/** What the masker needs of a run's options. */
export interface RunMaskerOptions {
  vars: Record<string, string>
  secretNames?: string[]
  maskIdentifiers: boolean
  env?: NodeJS.ProcessEnv
}

// A `--var` whose name says it is a secret is masked even when nothing declares it.
const SECRET_NAME = /pass|secret|token|key|pin|puk|credential/i
const ENV_REFERENCE = /\{\{[^}]*?\benv\.([A-Za-z_][A-Za-z0-9_]*)/g

/** Creates the masker of one run of a sequence (or of a suite's shared parts when there is no sequence). */
export function createRunMasker(sequence: Sequence | undefined, options: RunMaskerOptions): Masker {
  const names = listSecretNames(sequence, options)
  const fileVars = sequence?.vars ?? {}
  const values = [...names].map(name => options.vars[name] ?? fileVars[name]?.value ?? '')
  const env = options.env ?? process.env
  const scan = sequence === undefined ? undefined : scanSequence(sequence)
  const envValues = (scan?.envNames ?? []).map(name => env[name] ?? '')
  const masker = new Masker({ secrets: [...values, ...envValues], maskIdentifiers: options.maskIdentifiers })
  if (scan !== undefined) addSecretCaptures(masker, scan.patterns, names)
  return masker
}

/** What a walk over a sequence finds for its masker: the env variables it reads and its regexes with named groups. */
interface SequenceScan {
  envNames: string[]
  patterns: Array<{ source: string; flags: string; groups: string[] }>
}

// A suite runs each loaded sequence on every device, and the walk depends on the sequence alone: it is done once.
const scans = new WeakMap<Sequence, SequenceScan>()

function scanSequence(sequence: Sequence): SequenceScan {
  let scan = scans.get(sequence)
  if (scan === undefined) {
    scan = { envNames: listEnvReferences(sequence), patterns: listNamedPatterns(sequence) }
    scans.set(sequence, scan)
  }
  return scan
}

/** Names whose values are secret: marked in the file, declared on the command line, or named like a secret. */
export function listSecretNames(sequence: Sequence | undefined, options: Pick<RunMaskerOptions, 'vars' | 'secretNames'>): Set<string> {
  const fileVars = sequence?.vars ?? {}
  const inFile = Object.entries(fileVars).filter(([, v]) => v.secret)
  const named = [...Object.keys(options.vars), ...Object.keys(fileVars)].filter(name => SECRET_NAME.test(name))
  return new Set([...inFile.map(([name]) => name), ...(options.secretNames ?? []), ...named])
}

function addSecretCaptures(masker: Masker, patterns: SequenceScan['patterns'], names: ReadonlySet<string>): void {
  for (const pattern of patterns) {
    const groups = pattern.groups.filter(name => names.has(name))
    if (groups.length === 0) continue
    try {
      masker.addSecretCapture(new RegExp(pattern.source, pattern.flags), groups)
    } catch {
      // A pattern only valid once rendered: its captures are still masked as values once captured.
    }
  }
}

function listNamedPatterns(sequence: Sequence): SequenceScan['patterns'] {
  const patterns: SequenceScan['patterns'] = []
  visitStrings(sequence, (value, holder) => {
    if (holder['kind'] !== 'regex' || typeof holder['flags'] !== 'string') return
    const groups = [...value.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map(m => m[1] ?? '')
    if (groups.length > 0) patterns.push({ source: value, flags: holder['flags'], groups })
  })
  return patterns
}

function listEnvReferences(sequence: Sequence): string[] {
  const names = new Set<string>()
  visitStrings(sequence, value => {
    for (const match of value.matchAll(ENV_REFERENCE)) names.add(match[1] ?? '')
  })
  return [...names]
}

// Calls back with every string in the sequence and the object holding it (for a template's text: the object holding the template).
function visitStrings(
  value: unknown,
  visit: (text: string, holder: Record<string, unknown>) => void,
  holder: Record<string, unknown> = {},
): void {
  if (typeof value === 'string') visit(value, holder)
  else if (Array.isArray(value)) for (const item of value) visitStrings(item, visit, holder)
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>
    for (const [key, item] of Object.entries(record)) visitStrings(item, visit, key === 'text' ? holder : record)
  }
}

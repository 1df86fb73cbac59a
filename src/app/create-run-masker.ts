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
  const envValues = sequence === undefined ? [] : listEnvReferences(sequence).map(name => env[name] ?? '')
  const masker = new Masker({ secrets: [...values, ...envValues], maskIdentifiers: options.maskIdentifiers })
  if (sequence !== undefined) addSecretCaptures(masker, sequence, names)
  return masker
}

/** Names whose values are secret: marked in the file, declared on the command line, or named like a secret. */
export function listSecretNames(sequence: Sequence | undefined, options: Pick<RunMaskerOptions, 'vars' | 'secretNames'>): Set<string> {
  const fileVars = sequence?.vars ?? {}
  const inFile = Object.entries(fileVars).filter(([, v]) => v.secret)
  const named = [...Object.keys(options.vars), ...Object.keys(fileVars)].filter(name => SECRET_NAME.test(name))
  return new Set([...inFile.map(([name]) => name), ...(options.secretNames ?? []), ...named])
}

function addSecretCaptures(masker: Masker, sequence: Sequence, names: ReadonlySet<string>): void {
  visitStrings(sequence, (value, holder) => {
    if (holder['kind'] !== 'regex' || typeof holder['flags'] !== 'string') return
    const groups = [...value.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map(m => m[1] ?? '').filter(name => names.has(name))
    if (groups.length === 0) return
    try {
      masker.addSecretCapture(new RegExp(value, holder['flags']), groups)
    } catch {
      // A pattern only valid once rendered: its captures are still masked as values once captured.
    }
  })
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

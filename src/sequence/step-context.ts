import type { PathSegment } from './yaml-source.js'

const PHASES = new Set(['setup', 'steps', 'teardown'])

/** "step 4.2: ", "setup step 1: " or "" for a path into a sequence document, so every message says which row it is about. */
export function describeStepContext(path: readonly PathSegment[], data: unknown): string {
  const phase = path[0]
  const index = path[1]
  if (typeof phase !== 'string' || !PHASES.has(phase) || typeof index !== 'number') return ''
  const step = readIn(data, [phase, index])
  const no = isRecord(step) && (typeof step['no'] === 'string' || typeof step['no'] === 'number') ? String(step['no']) : undefined
  const name = phase === 'steps' ? 'step' : `${phase} step`
  return no === undefined ? `${name} #${index + 1}: ` : `${name} ${no}: `
}

/** The key path inside the step or the file that a message is about: `'retry.every'`, `'expect' item 2`, `variable 'apn'`. */
export function describeSubject(path: readonly PathSegment[]): string {
  const inStep = typeof path[0] === 'string' && PHASES.has(path[0]) && typeof path[1] === 'number'
  const rest = inStep ? path.slice(2) : path
  if (rest.length === 0) return inStep ? 'the step' : path.length === 0 ? 'the file' : `'${String(path[0])}'`
  if (!inStep && rest[0] === 'vars' && typeof rest[1] === 'string')
    return `variable '${rest[1]}'${rest.length > 2 ? `'s ${String(rest[2])}` : ''}`
  const keys: string[] = []
  let item = ''
  for (const segment of rest) {
    if (typeof segment === 'number') item = ` item ${segment + 1}`
    else {
      keys.push(segment)
      item = ''
    }
  }
  return `'${keys.join('.')}'${item}`
}

/** The value at `path` inside plain data, if any. */
export function readIn(data: unknown, path: readonly PathSegment[]): unknown {
  let current = data
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment]
    else if (isRecord(current)) current = current[String(segment)]
    else return undefined
  }
  return current
}

/** True for a plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

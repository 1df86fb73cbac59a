/**
 * Writes a sequence draft as YAML text, laid out like the hand-written sequences: a header, then one
 * block per step. Exact lines are double-quoted (JSON strings are valid YAML), regexes single-quoted so
 * their backslashes stay as written.
 */
import { formatDuration } from '../sequence/duration.js'
import type { DraftStep } from './draft-steps.js'
import type { DraftLine } from './volatile-rules.js'

export interface DraftHeader {
  name: string
  /** The chat profile the session used (`simcom-a76xx`); omitted for the generic one. */
  device?: string
  /** Where it came from, e.g. `recorded with atseq record on 2026-11-25`. */
  source: string
  defaultTimeoutMs: number
  /** URCs that arrived but are not required (boot and network events), listed in a comment. */
  ambient: string[]
  /** Vars marked secret that the steps reference in place of credentials; their values are never written. */
  secretNames?: string[]
}

/** The draft as YAML text. */
export function writeDraft(header: DraftHeader, steps: readonly DraftStep[]): string {
  const lines = [
    '# A draft recorded from a live session. Values that change between runs (identifiers, signal quality,',
    '# clock, addresses, message numbers) are written as regexes; review the expectations before relying on it.',
    ...describeAmbient(header.ambient),
    `sequence: ${quote(header.name)}`,
    `source: ${quote(header.source)}`,
    ...(header.device === undefined ? [] : [`device: ${quote(header.device)}`]),
    `timeout: ${formatDuration(header.defaultTimeoutMs)}`,
    ...describeSecrets(header.secretNames ?? []),
    '',
    'steps:',
  ]
  for (const step of steps) lines.push(...writeStep(step))
  return `${lines.join('\n')}\n`
}

function describeAmbient(ambient: readonly string[]): string[] {
  if (ambient.length === 0) return []
  return ['#', `# Also arrived, not required (boot and network events): ${[...new Set(ambient)].join(', ')}`]
}

function describeSecrets(names: readonly string[]): string[] {
  if (names.length === 0) return []
  return [
    '# Credentials seen in the session are not written here: give each with --secret-var name=value.',
    'vars:',
    ...names.map(name => `  ${name}: { value: "", secret: true }`),
  ]
}

function writeStep(step: DraftStep): string[] {
  const lines = [...(step.review === undefined ? [] : [`  # review: ${step.review}`]), `  - no: ${quote(step.no)}`]
  const write = (text: string): string => (step.action.isTemplate === true ? JSON.stringify(text) : quote(text))
  if (step.action.kind === 'send') lines.push(`    send: ${write(step.action.command)}`)
  else {
    lines.push(`    data: ${write(step.action.data)}`)
    if (step.action.end !== 'none') lines.push(`    end: ${step.action.end}`)
  }
  if (step.expect.length > 0) lines.push(`    expect: ${writeList(step.expect)}`)
  if (step.review !== undefined) lines.push(`    description: ${quote(`review: ${step.review}`)}`)
  if (step.urcs.length > 0) lines.push(`    urc: ${writeList(step.urcs)}`)
  if (step.timeoutMs !== undefined) lines.push(`    timeout: ${formatDuration(step.timeoutMs)}`)
  return lines
}

function writeList(lines: readonly DraftLine[]): string {
  const written = lines.map(writeLine)
  return written.length === 1 ? written[0]! : `[${written.join(', ')}]`
}

function writeLine(line: DraftLine): string {
  return line.kind === 'exact' ? quote(line.text) : `'/${line.source.replace(/'/g, "''")}/'`
}

/** A YAML double-quoted scalar; `{{` is kept literal by writing Handlebars' escape. */
function quote(text: string): string {
  return JSON.stringify(text.replace(/\{\{/g, '\\{{'))
}

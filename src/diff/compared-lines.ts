/**
 * The lines of a step that a diff compares: what the modem said (response lines, URCs, final result code,
 * prompt, payloads; not the echo), with captured values replaced by their names so that values a step
 * captures on purpose (signal quality, an address) do not count as differences. Masked values are already
 * the same mask on both sides.
 */
import type { StepResult } from '../model/run-record.js'

const COMPARED_KINDS = new Set(['response', 'urc', 'final', 'prompt', 'payload'])

/** The step's received lines as compared, in arrival order. */
export function listComparedLines(step: StepResult): string[] {
  const captures = Object.entries(step.captures)
    .filter(([, value]) => value.length > 0)
    .sort(([, a], [, b]) => b.length - a.length)
  return step.received.filter(line => COMPARED_KINDS.has(line.kind)).map(line => replaceCaptures(line.text, captures))
}

function replaceCaptures(text: string, captures: ReadonlyArray<[string, string]>): string {
  let replaced = text
  for (const [name, value] of captures) replaced = replaced.split(value).join(`{{${name}}}`)
  return replaced
}

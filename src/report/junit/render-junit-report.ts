/**
 * JUnit XML for CI systems: one `<testsuite>` per run, one `<testcase>` per step. A step that
 * failed a check is a `<failure>`, one that could not run properly an `<error>`, as JUnit keeps them apart.
 */
import type { RunRecord, StepResult } from '../../model/run-record.js'
import { formatTranscriptAsText, sliceStepTranscript } from '../text/format-transcript.js'
import { escapeXmlAttribute as attr, escapeXmlText as text } from './escape-xml.js'

/** Renders runs (one per sequence) as one JUnit XML document. */
export function renderJunitReport(records: readonly RunRecord[]): string {
  const totals = sumTotals(records)
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="atseq" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}" time="${formatSeconds(totals.durationMs)}">`,
    ...records.map(renderTestsuite),
    '</testsuites>',
    '',
  ].join('\n')
}

interface Totals {
  tests: number
  failures: number
  errors: number
  skipped: number
  durationMs: number
}

function sumTotals(records: readonly RunRecord[]): Totals {
  const totals: Totals = { tests: 0, failures: 0, errors: 0, skipped: 0, durationMs: 0 }
  for (const record of records) {
    const counts = countTestcases(record)
    totals.tests += counts.tests
    totals.failures += counts.failures
    totals.errors += counts.errors
    totals.skipped += counts.skipped
    totals.durationMs += record.durationMs
  }
  return totals
}

/**
 * A run that errored outside every step (the device could not be opened, atseq crashed) gets one more testcase,
 * an `<error>`: otherwise CI would read N skipped testcases and no error as green.
 */
function hasRunError(record: RunRecord): boolean {
  return record.status !== 'passed' && record.status !== 'failed' && !record.steps.some(step => step.status === 'errored')
}

function countTestcases(record: RunRecord): Omit<Totals, 'durationMs'> {
  const { counts } = record
  const extra = hasRunError(record) ? 1 : 0
  return { tests: record.steps.length + extra, failures: counts.failed, errors: counts.errored + extra, skipped: counts.skipped }
}

function renderTestsuite(record: RunRecord): string {
  const { sequence } = record
  const counts = countTestcases(record)
  const open = `  <testsuite name="${attr(sequence.name)}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}" time="${formatSeconds(record.durationMs)}" timestamp="${attr(record.startedAt)}" file="${attr(sequence.file)}">`
  const systemErr = record.endReason === undefined ? [] : [`    <system-err>${text(record.endReason)}</system-err>`]
  const runError = hasRunError(record) ? [renderRunError(record)] : []
  const testcases = record.steps.map(step => renderTestcase(record, step))
  return [open, renderProperties(record), ...runError, ...testcases, ...systemErr, '  </testsuite>'].join('\n')
}

function renderRunError(record: RunRecord): string {
  const reason = record.endReason ?? `the run ${record.status}`
  return [
    `    <testcase name="run" classname="${attr(record.sequence.name)}" time="0.000" file="${attr(record.sequence.file)}">`,
    `      <error message="${attr(reason)}" type="${attr(record.status)}">${text(reason)}</error>`,
    '    </testcase>',
  ].join('\n')
}

function renderProperties(record: RunRecord): string {
  const { identity } = record.device
  const properties: Array<[string, string | undefined]> = [
    ['atseq.version', record.atseqVersion],
    ['run.status', record.status],
    ['run.exitCode', String(record.exitCode)],
    ['run.endReason', record.endReason],
    ['sequence.system', record.sequence.system],
    ['sequence.sha256', record.sequence.sha256],
    ['device.url', record.device.url],
    ['device.manufacturer', identity.manufacturer],
    ['device.model', identity.model],
    ['device.revision', identity.revision],
    ['device.imei', identity.imei],
    ['commandLine', record.commandLine.join(' ')],
  ]
  const lines = properties
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `      <property name="${attr(name)}" value="${attr(value)}"/>`)
  return ['    <properties>', ...lines, '    </properties>'].join('\n')
}

/** The testcase name: the table number and the description (or the action when there is none). */
export function nameTestcase(step: Pick<StepResult, 'no' | 'description' | 'action'>): string {
  return `${step.no} ${step.description ?? step.action}`
}

function renderTestcase(record: RunRecord, step: StepResult): string {
  const open = `    <testcase name="${attr(nameTestcase(step))}" classname="${attr(record.sequence.name)}" time="${formatSeconds(step.durationMs)}" file="${attr(step.at.file)}" line="${step.at.line}">`
  const transcript = formatTranscriptAsText(sliceStepTranscript(record, step))
  const out = transcript === '' ? [] : [`      <system-out>${text(transcript)}</system-out>`]
  return [open, ...renderAttempts(step), ...renderOutcome(step), ...out, '    </testcase>'].join('\n')
}

/** A step that needed retries says how many attempts it took, on success too (a flaky pass is worth seeing). */
function renderAttempts(step: StepResult): string[] {
  if (step.attempts <= 1) return []
  return ['      <properties>', `        <property name="attempts" value="${step.attempts}"/>`, '      </properties>']
}

function renderOutcome(step: StepResult): string[] {
  const reason = step.reason ?? `step ${step.status}`
  switch (step.status) {
    case 'failed':
      return [`      <failure message="${attr(reason)}" type="failed">${text(describeExchange(step))}</failure>`]
    case 'errored':
      return [
        `      <error message="${attr(reason)}" type="${step.failure?.kind === 'todo' ? 'todo' : 'errored'}">${text(describeExchange(step))}</error>`,
      ]
    case 'skipped':
      return step.reason === undefined ? ['      <skipped/>'] : [`      <skipped message="${attr(step.reason)}"/>`]
    default:
      return []
  }
}

function describeExchange(step: StepResult): string {
  return [
    `Action: ${step.action}`,
    `Expected: ${step.expected.join(' | ') || '(nothing)'}`,
    `Received: ${step.received.map(line => line.text).join(' | ') || '(nothing)'}`,
    `Attempts: ${step.attempts}`,
    `At: ${step.at.file}:${step.at.line}:${step.at.col}`,
  ].join('\n')
}

/** Milliseconds as JUnit's seconds with millisecond precision: `1.250`. */
export function formatSeconds(durationMs: number): string {
  return (Math.max(0, durationMs) / 1000).toFixed(3)
}

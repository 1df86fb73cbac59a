/**
 * The suite's JUnit XML: one `<testsuite>` per sequence, one `<testcase>` per device it ran on.
 * A run that failed a check is a `<failure>` naming its first failing step; one that errored an `<error>`.
 */
import type { SuiteRecord, SuiteRun } from '../../model/suite-record.js'
import { escapeXmlAttribute as attr, escapeXmlText as text } from '../junit/escape-xml.js'
import { formatSeconds } from '../junit/render-junit-report.js'
import { findFailingStep } from './suite-view.js'

/** Renders the suite as JUnit XML (setup and teardown runs are testsuites of their own). */
export function renderSuiteJunit(record: SuiteRecord): string {
  const groups = groupBySequence(record.runs)
  const count = (status: SuiteRun['status']): number => record.runs.filter(run => run.status === status).length
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(record.suite.name)}" tests="${record.runs.length}" failures="${count('failed')}" errors="${count('errored') + count('interrupted')}" skipped="${count('skipped')}" time="${formatSeconds(record.durationMs)}">`,
    ...groups.map(renderTestsuite),
    '</testsuites>',
    '',
  ].join('\n')
}

function groupBySequence(runs: readonly SuiteRun[]): SuiteRun[][] {
  const groups = new Map<string, SuiteRun[]>()
  for (const run of [...runs].sort((a, b) => a.order - b.order)) {
    const key = `${run.role}\u0000${run.sequence.file}`
    groups.set(key, [...(groups.get(key) ?? []), run])
  }
  return [...groups.values()]
}

function renderTestsuite(runs: SuiteRun[]): string {
  const first = runs[0]!
  const name = first.role === 'sequence' ? first.sequence.name : `${first.role}: ${first.sequence.name}`
  const count = (status: SuiteRun['status']): number => runs.filter(run => run.status === status).length
  const time = runs.reduce((sum, run) => sum + run.durationMs, 0)
  return [
    `  <testsuite name="${attr(name)}" tests="${runs.length}" failures="${count('failed')}" errors="${count('errored') + count('interrupted')}" skipped="${count('skipped')}" time="${formatSeconds(time)}" file="${attr(first.sequence.file)}">`,
    ...runs.map(run => renderTestcase(run, name)),
    '  </testsuite>',
  ].join('\n')
}

function renderTestcase(run: SuiteRun, classname: string): string {
  const open = `    <testcase name="${attr(run.device)}" classname="${attr(classname)}" time="${formatSeconds(run.durationMs)}">`
  return [open, ...renderOutcome(run), '    </testcase>'].join('\n')
}

function renderOutcome(run: SuiteRun): string[] {
  const failing = findFailingStep(run)
  const where = failing
    ? `step ${failing.step.no} (${failing.step.at.file}:${failing.step.at.line}): ${failing.step.reason ?? failing.step.status}`
    : (run.reason ?? run.record?.endReason ?? run.status)
  const detail = failing
    ? `Action: ${failing.step.action}\nExpected: ${failing.step.expected.join(' | ')}\nReceived: ${failing.step.received.map(line => line.text).join(' | ')}`
    : ''
  switch (run.status) {
    case 'failed':
      return [`      <failure message="${attr(where)}" type="failed">${text(detail)}</failure>`]
    case 'errored':
    case 'interrupted':
      return [`      <error message="${attr(where)}" type="${run.status}">${text(detail)}</error>`]
    case 'skipped':
      return [`      <skipped message="${attr(where)}"/>`]
    default:
      return []
  }
}

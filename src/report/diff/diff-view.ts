/** The HTML diff page's view model: every string placed, every class chosen; the template only places them. */
import type { RunDiff, StepDiff } from '../../model/run-diff.js'
import { formatDurationMs, formatInstantUtc } from '../text/format-duration.js'
import { showControlChars } from '../text/show-control-chars.js'

export interface DiffLineView {
  /** `same`, `removed` or `added`: the CSS class. */
  op: string
  sign: string
  text: string
}

export interface DiffStepView {
  anchor: string
  no: string
  command: string
  description: string
  statusA: string
  statusB: string
  labelA: string
  labelB: string
  /** `regression`, `changed` or `same`: the row's class. */
  kind: string
  lines: DiffLineView[]
  latency: string
}

export interface DiffView {
  title: string
  status: 'passed' | 'failed'
  verdict: string
  sides: Array<{ name: string; label: string; rows: Array<{ label: string; value: string }> }>
  identity: Array<{ field: string; from: string; to: string }>
  notes: string[]
  steps: DiffStepView[]
  hasChangedSteps: boolean
}

/** Builds the page's view of a diff; only changed steps are listed. */
export function buildDiffView(diff: RunDiff): DiffView {
  const steps = diff.steps.filter(step => step.hasChanges).map((step, index) => buildStepView(step, index))
  return {
    title: `atseq diff: ${diff.a.sequence}`,
    status: diff.regressions > 0 ? 'failed' : 'passed',
    verdict: describeVerdict(diff),
    sides: [
      { name: 'A', label: diff.a.label, rows: describeSide(diff.a) },
      { name: 'B', label: diff.b.label, rows: describeSide(diff.b) },
    ],
    identity: diff.identity.map(change => ({ field: change.field, from: change.from ?? '(none)', to: change.to ?? '(none)' })),
    notes: diff.isSameSequence ? [] : ['The two runs are of different versions of the sequence file.'],
    steps,
    hasChangedSteps: steps.length > 0,
  }
}

function describeSide(side: RunDiff['a']): Array<{ label: string; value: string }> {
  return [
    { label: 'Status', value: side.status },
    { label: 'Started', value: formatInstantUtc(side.startedAt) },
    { label: 'Device', value: side.device },
    { label: 'Model', value: side.identity.model ?? '—' },
    { label: 'Firmware', value: side.identity.revision ?? '—' },
  ]
}

function buildStepView(step: StepDiff, index: number): DiffStepView {
  return {
    anchor: `d${index + 1}`,
    no: step.phase === 'steps' ? step.no : `${step.phase} ${step.no}`,
    command: showControlChars(step.action),
    description: step.description ?? '',
    statusA: step.statusA ?? 'absent',
    statusB: step.statusB ?? 'absent',
    labelA: step.statusA ?? '—',
    labelB: step.statusB ?? '—',
    kind: step.isRegression ? 'regression' : 'changed',
    lines: step.lines.map(line => ({
      op: line.op,
      sign: line.op === 'same' ? ' ' : line.op === 'removed' ? '−' : '+',
      text: showControlChars(line.text),
    })),
    latency: step.latency
      ? `${formatDurationMs(step.latency.fromMs)} → ${formatDurationMs(step.latency.toMs)} (${step.latency.deltaMs > 0 ? '+' : '−'}${formatDurationMs(Math.abs(step.latency.deltaMs))})`
      : '',
  }
}

function describeVerdict(diff: RunDiff): string {
  if (!diff.hasDifferences) return 'No differences'
  const parts = [`${diff.changedSteps} step(s) differ`]
  if (diff.identity.length > 0) parts.push('the device identity differs')
  if (diff.regressions > 0) parts.push(`${diff.regressions} went from passed to failed`)
  return parts.join('; ')
}

/** The console form of a run diff: a summary line, identity changes, then each changed step. */
import type { RunDiff, StepDiff } from '../../model/run-diff.js'
import { formatDisplayDuration as formatDuration } from '../../model/display-duration.js'
import { showControlCharsForTerminal } from '../text/show-control-chars.js'

/** Lines to print; no colour, so it reads the same in a CI log, and the modem's control bytes shown escaped. */
export function formatDiffText(diff: RunDiff): string[] {
  return listDiffLines(diff).map(showControlCharsForTerminal)
}

function listDiffLines(diff: RunDiff): string[] {
  const lines = [`diff ${diff.a.label} → ${diff.b.label} (${diff.a.sequence})`]
  if (!diff.isSameSequence) lines.push('  note: the two runs are of different versions of the sequence file')
  for (const change of diff.identity) lines.push(`  device ${change.field}: ${change.from ?? '(none)'} → ${change.to ?? '(none)'}`)
  for (const step of diff.steps.filter(s => s.hasChanges)) lines.push(...formatStep(step, diff.latencyThresholdMs))
  lines.push(summarise(diff))
  return lines
}

function formatStep(step: StepDiff, thresholdMs: number): string[] {
  const name = `${step.phase === 'steps' ? '' : `${step.phase} `}${step.no}`
  const lines = [`  step ${name}  ${step.action}${step.isRegression ? '  REGRESSION' : ''}`]
  if (step.presence !== 'both') lines.push(`    only in ${step.presence === 'only-a' ? 'A' : 'B'}`)
  else if (step.statusA !== step.statusB) lines.push(`    status: ${step.statusA} → ${step.statusB}`)
  for (const change of step.lines) {
    if (change.op !== 'same') lines.push(`    ${change.op === 'removed' ? '-' : '+'} ${change.text}`)
  }
  if (step.latency) {
    const sign = step.latency.deltaMs > 0 ? '+' : '-'
    lines.push(
      `    duration: ${formatDuration(step.latency.fromMs)} → ${formatDuration(step.latency.toMs)} (${sign}${formatDuration(Math.abs(step.latency.deltaMs))}, threshold ${formatDuration(thresholdMs)})`,
    )
  }
  return lines
}

function summarise(diff: RunDiff): string {
  if (!diff.hasDifferences) return 'no differences'
  const regressions = diff.regressions === 0 ? '' : `, ${diff.regressions} passed → failed`
  return `${diff.changedSteps} step(s) differ${diff.identity.length > 0 ? ', device identity differs' : ''}${regressions}`
}

/** The console's line about what changed since a baseline run: steps whose status changed and steps that got slower. */
import type { RunRecord } from '../../model/run-record.js'
import { formatDisplayDuration } from '../../model/display-duration.js'
import { compareWithBaseline } from '../html/compare-with-baseline.js'
import { showControlCharsForTerminal } from '../text/show-control-chars.js'

/** How many steps changed status and which got slower, e.g. `since the baseline: 1 step changed status (2 failed, was passed); 1 slower: 3 AT+CSQ 1.2s (was 300ms)`. */
export function describeBaselineChanges(record: RunRecord, baseline: RunRecord): string {
  const changes = [...compareWithBaseline(record, baseline)].flatMap(([index, change]) => {
    const step = record.steps[index]
    return step === undefined ? [] : [{ step, change }]
  })
  const statusChanged = changes.filter(({ change }) => change.kind === 'status')
  const slower = changes.filter(({ step, change }) => change.kind === 'timing' && step.durationMs > (change.beforeMs ?? Infinity))
  const status =
    statusChanged.length === 0
      ? 'no step changed status'
      : `${plural(statusChanged.length, 'step')} changed status (${statusChanged.map(({ step, change }) => `${step.no} ${step.status}, ${change.label}`).join('; ')})`
  const slowerText =
    slower.length === 0
      ? 'none slower'
      : `${slower.length} slower: ${slower
          .map(
            ({ step, change }) =>
              `${step.no} ${step.action} ${formatDisplayDuration(step.durationMs)} (was ${formatDisplayDuration(change.beforeMs ?? 0)})`,
          )
          .join('; ')}`
  return showControlCharsForTerminal(`since the baseline: ${status}; ${slowerText}`)
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

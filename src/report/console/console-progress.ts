/**
 * Live progress on the terminal: one line per step as it ends (number, description, status,
 * time), the reason under a failure, and a sequence counter when several run. Colour only on
 * a TTY and without `--no-color`; plain lines otherwise (CI logs, pipes).
 */
import type { RunRecord, StepResult, TranscriptEntry } from '../../model/run-record.js'
import { formatTranscriptLine } from '../../record/transcript-text.js'
import { showControlCharsForTerminal } from '../text/show-control-chars.js'
import { formatDisplayDuration } from '../../model/display-duration.js'
import type { Phase, Step } from '../../model/sequence.js'
import { describeBaselineChanges } from './describe-baseline-changes.js'
import { LiveLine } from './live-line.js'
import { createPainter, type Painter, type TextStyle } from './painter.js'

export interface ConsoleOptions {
  color: boolean
  write: (text: string) => void
  /** On a terminal: show the running step in place, redrawn, and erase it when the step ends (default off). */
  live?: boolean
  /** Only failures and the summaries (`--quiet`); the sequence's name comes with its first line. */
  quiet?: boolean
  /** Also every line sent and received, as it happens (`--verbose`); the transcript's escaped form, masked. */
  verbose?: boolean
}

type Color = TextStyle

const STATUS_MARK: Record<StepResult['status'], { mark: string; color: Color }> = {
  passed: { mark: 'PASS', color: 'green' },
  failed: { mark: 'FAIL', color: 'red' },
  errored: { mark: 'ERR ', color: 'red' },
  skipped: { mark: 'SKIP', color: 'yellow' },
}

const TODO_MARK: { mark: string; color: Color } = { mark: 'TODO', color: 'yellow' }

/** Prints run progress; one instance per `atseq run`. */
export class ConsoleProgress {
  private readonly paint: Painter
  private readonly live: LiveLine | undefined
  /** Under --quiet, the header of the sequence that has printed nothing yet. */
  private pendingHeader: string | undefined

  constructor(private readonly options: ConsoleOptions) {
    this.paint = createPainter(options.color)
    this.live = options.live === true ? new LiveLine(options.write) : undefined
  }

  /** A step starts: on a terminal it shows as the running line. */
  stepStarted(phase: Phase, step: Step): void {
    this.live?.show(phase, step, { n: 1, of: (step.retry?.times ?? 0) + 1 })
  }

  /** A step's attempt starts: the running line says which attempt it is. */
  attemptStarted(phase: Phase, step: Step, attempt: { n: number; of: number }): void {
    this.live?.show(phase, step, attempt)
  }

  /** A line about the run as a whole, e.g. what a folder was found to hold. */
  announce(text: string): void {
    this.options.write(text)
  }

  /** Announces a sequence: `[2/5] MQTTS - Not Verify Server (sequences/...yaml)`. */
  sequenceStarted(index: number, total: number, name: string, file: string): void {
    const counter = total > 1 ? `${this.paint('dim', progressBar(index, total))} [${index + 1}/${total}] ` : ''
    const header = `${counter}${this.paint('bold', name)} ${this.paint('dim', `(${file})`)}\n`
    if (this.options.quiet === true) this.pendingHeader = header
    else this.options.write(header)
  }

  /** Under `--verbose`, one transcript entry as it is recorded: `+    0.012s tx  AT\r`. */
  transcriptEntry(entry: TranscriptEntry): void {
    if (this.options.verbose !== true) return
    this.live?.erase()
    // Bytes are already escaped; a note is atseq's own text but may quote the modem, so it is made inert too.
    this.options.write(`       ${this.paint('dim', showControlCharsForTerminal(formatTranscriptLine(entry)))}\n`)
  }

  /** One line per finished step, with its reason below when it did not pass. */
  stepEnded(result: StepResult): void {
    this.live?.erase()
    if (this.options.quiet === true && (result.status === 'passed' || result.status === 'skipped')) return
    this.flushHeader()
    const step = {
      ...result,
      action: showControlCharsForTerminal(result.action),
      reason: result.reason && showControlCharsForTerminal(result.reason),
    }
    const { mark, color } = step.failure?.kind === 'todo' ? TODO_MARK : STATUS_MARK[step.status]
    const phase = step.phase === 'steps' ? '' : `${step.phase} `
    const retries = step.attempts > 1 ? `, ${step.attempts} attempts` : ''
    const label = step.description ? `${step.action}  ${this.paint('dim', step.description)}` : step.action
    this.options.write(
      `  ${this.paint(color, mark)} ${phase}${step.no.padEnd(5)} ${label} ${this.paint('dim', `(${formatDisplayDuration(step.durationMs)}${retries})`)}\n`,
    )
    if (step.reason && step.status !== 'passed' && step.status !== 'skipped') {
      this.options.write(`       ${this.paint(color, step.reason)}\n`)
    }
  }

  /** The verdict of one sequence, what changed since its baseline run (when given) and where its reports are. */
  sequenceEnded(record: RunRecord, reportPaths: string[], baseline?: RunRecord): void {
    this.live?.erase()
    this.flushHeader()
    const c = countForConsole(record)
    const verdict = record.status.toUpperCase()
    const color: Color = record.status === 'passed' ? 'green' : record.status === 'interrupted' ? 'yellow' : 'red'
    const reason = record.endReason ? `: ${showControlCharsForTerminal(record.endReason)}` : ''
    this.options.write(
      `  ${this.paint(color, verdict)}${reason} — ${c.passed} passed, ${c.failed} failed, ${c.errored} errored, ${c.todo} todo, ${c.skipped} skipped in ${formatDisplayDuration(record.durationMs)}\n`,
    )
    if (baseline !== undefined) this.options.write(`  ${describeBaselineChanges(record, baseline)}\n`)
    for (const path of reportPaths) this.options.write(`  report: ${path}\n`)
  }

  private flushHeader(): void {
    if (this.pendingHeader === undefined) return
    this.options.write(this.pendingHeader)
    this.pendingHeader = undefined
  }
}

/**
 * The summary's counts, read from the steps so they agree with the verdict: todo steps are their own count, and a run
 * that errored outside any step (the device could not be opened) counts that as one error.
 */
export function countForConsole(record: RunRecord): Record<StepResult['status'] | 'todo', number> {
  const counts = { passed: 0, failed: 0, errored: 0, skipped: 0, todo: 0 }
  for (const step of record.steps) counts[step.failure?.kind === 'todo' ? 'todo' : step.status] += 1
  if (record.status === 'errored' && counts.errored + counts.failed + counts.todo === 0) counts.errored += 1
  return counts
}

/** `[#####-----]` for a suite's progress. */
export function progressBar(done: number, total: number, width = 20): string {
  const filled = total === 0 ? width : Math.round((done / total) * width)
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`
}

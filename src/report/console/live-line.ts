/**
 * The running step on a terminal, redrawn in place (elapsed time, attempt n/N, what it waits for) and erased when
 * the step ends, so the finished lines above it stay as they would be in a log.
 */
import type { LineMatcher, Phase, Step } from '../../model/sequence.js'
import { formatDisplayDuration } from '../../model/display-duration.js'

/** Carriage return and erase-the-line: the next text replaces the line the cursor is on. */
export const ERASE_LINE = '\r\x1b[2K'

/** How often the elapsed time is redrawn. */
const REDRAW_MS = 250

/** What a running step waits for, in a few words: `OK, +CMQTTCONNECT: 0,0` or `sleep 2.0 s`. */
export function describeWaitingFor(step: Step): string {
  const show = (matcher: LineMatcher): string =>
    matcher.kind === 'exact' ? matcher.text.text : matcher.kind === 'regex' ? `/${matcher.pattern.text}/` : `not ${show(matcher.matcher)}`
  const action = step.action
  if (action.kind === 'sleep') return `sleep ${formatDisplayDuration(action.durationMs)}`
  const finals = action.kind === 'send' || action.kind === 'data' ? [step.final === undefined ? 'OK' : show(step.final.matcher)] : []
  const lines = [...finals, ...step.urcs.map(show), ...(step.broker === undefined ? [] : [`broker: ${step.broker.received.topic.text}`])]
  return lines.length === 0 ? action.kind : `waits for ${lines.join(', ')}`
}

/** The one line under the finished steps that shows the step in progress on a terminal. */
export class LiveLine {
  #timer: NodeJS.Timeout | undefined
  #text: (elapsedMs: number) => string = () => ''
  #startedAtMs = 0

  constructor(
    private readonly write: (text: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Shows a step as running and keeps its elapsed time current until `erase`. */
  show(phase: Phase, step: Step, attempt: { n: number; of: number }): void {
    if (this.#timer === undefined) this.#startedAtMs = this.now()
    const phaseLabel = phase === 'steps' ? '' : `${phase} `
    const attempts = attempt.of > 1 ? ` · attempt ${attempt.n}/${attempt.of}` : ''
    this.#text = elapsedMs =>
      `  ... ${phaseLabel}${step.no.padEnd(5)} ${describeWaitingFor(step)} · ${formatDisplayDuration(elapsedMs)}${attempts}`
    this.#draw()
    this.#timer ??= setInterval(() => this.#draw(), REDRAW_MS)
    this.#timer.unref()
  }

  /** Removes the running line and stops redrawing it. */
  erase(): void {
    if (this.#timer === undefined) return
    clearInterval(this.#timer)
    this.#timer = undefined
    this.write(ERASE_LINE)
  }

  #draw(): void {
    this.write(`${ERASE_LINE}${this.#text(this.now() - this.#startedAtMs)}`)
  }
}

/**
 * Judging what arrived in a step's window against its expectations: response lines in
 * order (waiting on for those that come as URCs after the final result), URCs within
 * their window, lines that must not appear, and what the broker saw.
 */
import { formatDisplayDuration } from '../model/display-duration.js'
import type { ChatLine, Exchange, UrcWait } from '../at/chat-types.js'
import type { ReceivedLine } from '../model/run-record.js'
import type { Step } from '../model/sequence.js'
import { failed, errored, passed, type AttemptEvidence, type AttemptResult } from './attempt.js'
import { explainResultLine } from '../modem/explain-code.js'
import { describeMatcher, doesLineMatch, findForbiddenLine, matchInOrder, type RenderedMatcher } from './line-matching.js'
import type { RenderedExpectations } from './render-step.js'
import { renderText } from './render-step.js'
import type { RunContext } from './run-context.js'
import { findUrcRule, isQueryFormOf } from '../modem/urc-rule.js'
import type { StepWindow } from '../at/step-window.js'
import { stepTimeoutMs } from './timeouts.js'

/** The parts of judging that need the live chat: the window, the deadline, the abort test. */
export interface Judging {
  step: Step
  ctx: RunContext
  window: StepWindow
  expectations: RenderedExpectations
  expected: string[]
  /** When URCs and late lines stop being waited for (chat clock). */
  deadlineMs: number
  /**
   * `+CMQTTDISC` for `AT+CMQTTDISC=...`: the command's own result URC. One that matches no
   * expectation is the command's answer, so the step fails at once instead of waiting out its window.
   */
  resultUrcName?: string
  /** The command line a `send` step wrote. */
  command?: string
  /** What the far-side servers a `server:` check names received in the window, once it was judged. */
  serverLines?: ReceivedLine[]
}

/** True for a sequence-level abort line that the step itself does not expect (expectations take precedence). */
export function isAbortFor(ctx: RunContext, expectations: RenderedExpectations): (line: string) => boolean {
  const expected = [...expectations.lines, ...expectations.urcs, expectations.final]
  return line => ctx.abort.some(matcher => doesLineMatch(matcher, line)) && !expected.some(matcher => doesLineMatch(matcher, line))
}

/** The step's evidence so far: its expectations, what arrived, and unused URCs. */
export function evidenceOf(judging: Judging): AttemptEvidence {
  return {
    expected: judging.expected,
    received: [
      ...judging.window.received().map((line): ReceivedLine => ({
        atMs: line.atMs,
        kind: line.kind,
        text: judging.ctx.masker.mask(line.text),
      })),
      ...(judging.serverLines ?? []),
    ],
    unexpectedUrcs: judging.window.unexpectedUrcs().map(line => judging.ctx.masker.mask(line.text)),
  }
}

/** Says why an exchange did not end with the expected final result code, or undefined when it did. */
export function judgeExchangeEnd(judging: Judging, exchange: Exchange): AttemptResult | undefined {
  const evidence = (): AttemptEvidence => evidenceOf(judging)
  switch (exchange.outcome) {
    case 'dropped':
      return errored(evidence(), 'link-dropped', `the link dropped: ${exchange.cause ?? 'no cause given'}`, 'link-dropped')
    case 'cancelled':
      return errored(evidence(), 'interrupted', 'interrupted by the user', 'interrupted')
    case 'aborted':
      return failed(evidence(), 'aborted', `abort line \`${exchange.abortLine ?? ''}\` arrived`)
    case 'overflow':
      return failed(evidence(), 'too-much-data', tooMuchData(judging, exchange.cause))
    case 'timeout': {
      // The command waited its step timeout for the final result code, however long the step's URC window is.
      const waitedMs = stepTimeoutMs(judging.step, judging.ctx)
      return failed(
        evidence(),
        'no-final',
        `expected ${quoted(judging.expectations.final)}, got no final result code: ${lateTail(judging, waitedMs)}`,
      )
    }
    case 'final':
    case 'prompt': {
      const final = exchange.outcome === 'prompt' ? '>' : (exchange.final ?? '')
      if (doesLineMatch(judging.expectations.final, final)) return undefined
      return failed(
        evidence(),
        'final-mismatch',
        `expected ${quoted(judging.expectations.final)}, got \`${final}\`${explainBefore(judging, exchange)}`,
      )
    }
  }
}

/**
 * Judges the expected lines in order. Those not there yet are waited for when they can still come
 * as URCs after the final result code (`+CMQTTSTART: 0` after `OK`); a missing response line fails
 * at once, since nothing more will answer the command.
 */
export async function judgeLines(judging: Judging, isExchangeOver: boolean): Promise<AttemptResult | Record<string, string>> {
  const { expectations } = judging
  for (;;) {
    const lines = judging.window.judgedLines()
    const match = matchInOrder(
      expectations.lines,
      lines.map(line => line.text),
    )
    claimMatched(judging, lines, match.positions)
    const missing = expectations.lines.find((_, index) => match.positions[index] === -1)
    if (!missing) return match.captures
    if (isExchangeOver && !couldBeUrc(judging, missing)) {
      return failed(evidenceOf(judging), 'missing-line', `expected line ${quoted(missing)}, got ${receivedTail(judging)}`)
    }
    const wait = await waitForLine(judging, missing)
    if (wait.outcome !== 'matched') return unmetWait(judging, wait, `expected line ${quoted(missing)}`)
  }
}

/** Waits for each URC the step expects, within its window; returns a failure or undefined. */
export async function judgeUrcs(judging: Judging): Promise<AttemptResult | Record<string, string>> {
  let captures: Record<string, string> = {}
  for (const urc of judging.expectations.urcs) {
    const wait = await waitForLine(judging, urc)
    // A wait carries its URC exactly when it matched.
    if (wait.urc === undefined) return unmetWait(judging, wait, `expected URC ${quoted(urc)}`)
    captures = { ...captures, ...matchInOrder([urc], [wait.urc.text]).captures }
  }
  return captures
}

/** Fails the step when a "must not appear" line arrived in its window. */
export function judgeForbidden(judging: Judging): AttemptResult | undefined {
  const lines = judging.window.arrivedLines().map(line => line.text)
  const forbidden = findForbiddenLine(judging.expectations.absent, lines)
  if (!forbidden) return undefined
  return failed(
    evidenceOf(judging),
    'forbidden-line',
    `\`${judging.ctx.masker.mask(forbidden.line)}\` arrived, which must not appear (${describeMatcher(forbidden.matcher)})`,
  )
}

/** Checks what the broker received during the step, if the step asks. */
export async function judgeBroker(judging: Judging, sinceEpochMs: number): Promise<AttemptResult | undefined> {
  const check = judging.step.broker
  if (!check) return undefined
  const { ctx } = judging
  if (!ctx.broker)
    return errored(evidenceOf(judging), 'broker-missing', 'this step checks the broker, but the run has none: give --broker <url>')
  const topic = renderText(check.received.topic, ctx)
  const payload = check.received.payload ? renderText(check.received.payload, ctx) : undefined
  const wanted = check.received
  const wait = await ctx.broker.waitFor(
    message =>
      message.topic === topic &&
      (payload === undefined || message.payload.toString('utf8') === payload) &&
      (wanted.qos === undefined || message.qos === wanted.qos) &&
      (wanted.retain === undefined || message.retain === wanted.retain) &&
      (!check.will || message.isWill),
    { timeoutMs: Math.max(0, judging.deadlineMs - ctx.recorder.elapsedMs()), signal: ctx.signal, since: sinceEpochMs },
  )
  if (wait.outcome === 'received') return undefined
  if (wait.outcome === 'aborted') return errored(evidenceOf(judging), 'interrupted', 'interrupted by the user', 'interrupted')
  const what = `${check.will ? 'will' : 'message'} on \`${topic}\`${payload === undefined ? '' : ` with payload \`${ctx.masker.mask(payload)}\``}`
  return failed(evidenceOf(judging), 'broker-mismatch', `expected the broker to receive a ${what}: ${wait.reason}`)
}

/** Turns a judging's captures into a passed attempt. */
export function passJudging(judging: Judging, captures: Record<string, string>): AttemptResult {
  return passed(evidenceOf(judging), captures)
}

function waitForLine(judging: Judging, matcher: RenderedMatcher): Promise<UrcWait> {
  const { ctx, window } = judging
  const isAbort = isAbortFor(ctx, judging.expectations)
  return window.waitForUrc(line => doesLineMatch(matcher, line.text), {
    timeoutMs: Math.max(0, judging.deadlineMs - ctx.recorder.elapsedMs()),
    signal: ctx.signal,
    isAbort: line => isAbort(line) || isOtherResult(judging, line),
  })
}

/** Is this the command's own result URC, answering something the step does not expect? */
function isOtherResult(judging: Judging, line: string): boolean {
  const name = judging.resultUrcName
  if (name === undefined || !line.toUpperCase().startsWith(`${name}:`)) return false
  const { lines, urcs } = judging.expectations
  return ![...lines, ...urcs].some(matcher => doesLineMatch(matcher, line))
}

/** Claims the lines the expectations matched; judgedLines() held only claimable ones, so every claim holds. */
function claimMatched(judging: Judging, lines: ChatLine[], positions: number[]): void {
  for (const position of positions) {
    const line = lines[position]
    if (line) judging.window.claim(line)
  }
}

function unmetWait(judging: Judging, wait: UrcWait, what: string): AttemptResult {
  const evidence = evidenceOf(judging)
  switch (wait.outcome) {
    case 'dropped':
      return errored(evidence, 'link-dropped', `the link dropped while waiting: ${wait.cause ?? 'no cause given'}`, 'link-dropped')
    case 'cancelled':
      return errored(evidence, 'interrupted', 'interrupted by the user', 'interrupted')
    case 'overflow':
      return failed(evidence, 'too-much-data', tooMuchData(judging, wait.cause))
    case 'aborted': {
      const line = wait.abortLine ?? ''
      if (isOtherResult(judging, line)) return failed(evidence, 'result-mismatch', `${what}, got \`${line}\`${explain(judging, line)}`)
      return failed(evidence, 'aborted', `${what}, but abort line \`${line}\` arrived`)
    }
    default:
      return failed(
        evidence,
        what.startsWith('expected URC') ? 'urc-timeout' : 'missing-line',
        `${what}, ${lateTail(judging, windowOf(judging))}`,
      )
  }
}

/** Could a line this matcher accepts be a URC of the device's profile (and so still arrive)? */
function couldBeUrc(judging: Judging, matcher: RenderedMatcher): boolean {
  const text = matcher.kind === 'exact' ? matcher.text : literalPrefix(matcher.source)
  // A regex with no literal start (`/.*/`) could match anything, a URC included.
  if (text === '') return true
  const rules = judging.ctx.family.chatProfile.urcs
  const rule = findUrcRule(text, rules) ?? rules.find(candidate => candidate.name.startsWith(text))
  // `+CREG: 0,1` expected from `AT+CREG?` is that command's response, not a URC still to come.
  return rule !== undefined && !(judging.command !== undefined && isQueryFormOf(judging.command, rule.name))
}

/** The literal text a regex source starts with: `^\\+CSQ: (\\d+)` → `+CSQ: `. */
function literalPrefix(source: string): string {
  let prefix = ''
  for (let i = source.startsWith('^') ? 1 : 0; i < source.length; i++) {
    const char = source[i] ?? ''
    if (char === '\\' && /[^\w]/.test(source[i + 1] ?? 'a')) prefix += source[++i] ?? ''
    else if (/[\w :,"=-]/.test(char)) prefix += char
    else break
  }
  return prefix
}

/** "the modem sent more than 16 MiB in step 4": the chat stopped keeping what it received. */
function tooMuchData(judging: Judging, cause: string | undefined): string {
  return `the modem sent ${cause ?? 'too much data'} in step ${judging.step.no}`
}

function receivedTail(judging: Judging): string {
  const lines = judging.window.judgedLines().map(line => judging.ctx.masker.mask(line.text))
  if (lines.length === 0) return 'no response line'
  return lines
    .slice(-3)
    .map(line => `\`${line}\`${explain(judging, line)}`)
    .join(', ')
}

/** How long the step waits for its URCs and late lines, from the start of its window (ms). */
function windowOf(judging: Judging): number {
  return Math.max(0, judging.deadlineMs - judging.window.startedAtMs)
}

/** "within 30.0 s got `+CMQTTCONNECT: 0,11` (11 = no connection)" from what arrived in the window, waited for `windowMs`. */
function lateTail(judging: Judging, windowMs: number): string {
  const lines = judging.window.judgedLines().map(line => judging.ctx.masker.mask(line.text))
  if (lines.length === 0) return `nothing arrived within ${formatDisplayDuration(windowMs)}`
  const shown = lines.slice(-3).map(line => `\`${line}\`${explain(judging, line)}`)
  return `within ${formatDisplayDuration(windowMs)} got ${shown.join(', ')}`
}

function explainBefore(judging: Judging, exchange: Exchange): string {
  const responses = exchange.lines.filter(line => line.kind === 'response' || line.kind === 'urc')
  const last = responses.at(-1)
  return last ? ` after \`${last.text}\`${explain(judging, last.text)}` : explain(judging, exchange.final ?? '')
}

function explain(judging: Judging, line: string): string {
  const meaning = explainResultLine(line, judging.ctx.family)
  return meaning ? ` (${meaning})` : ''
}

function quoted(matcher: RenderedMatcher): string {
  return `\`${describeMatcher(matcher)}\``
}

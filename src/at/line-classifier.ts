/**
 * Classifies a framed line: URC, final result code or response line.
 * Echo is recognised before this (it depends on what was written), payloads and prompts by the framer.
 */
import type { ChatProfile } from '../modem/chat-profile.js'
import { isFinalResult } from '../modem/final-result.js'
import { isUrcLine, type UrcRule } from '../modem/urc-rule.js'

export interface LineContext {
  urcs: readonly UrcRule[]
  /** The command line whose response is being read, if a command or data block is running. */
  runningCommand?: string
  /** Whether a command or data block is waiting for its final result code. */
  isExchangeRunning: boolean
  /** The family's own final result codes (`SEND OK`), besides V.250's. */
  finalResults?: readonly string[]
}

export type LineKind = 'urc' | 'final' | 'response'

/** The context a chat classifies lines in: its profile's URCs and final result codes, and what is running. */
export function describeLineContext(profile: ChatProfile, isExchangeRunning: boolean, runningCommand: string | undefined): LineContext {
  const { urcs, finalResults } = profile
  return { urcs, isExchangeRunning, runningCommand, finalResults }
}

/**
 * URC rules first (a URC is never a response), then final result codes, then response lines.
 * With nothing running, every non-final line is unsolicited, so it is a URC whether a rule names it or not.
 */
export function classifyLine(text: string, context: LineContext): LineKind {
  if (isUrcLine(text, context.urcs, context.runningCommand)) return 'urc'
  if (isFinalResult(text) || context.finalResults?.includes(text) === true) return 'final'
  return context.isExchangeRunning ? 'response' : 'urc'
}

/** Whether a line is the modem's echo of what was written (ATE1): the written text without its CR. */
export function isEchoOf(text: string, expectedEcho: string | undefined): boolean {
  return text === expectedEcho
}

/** Whether a line, while a command runs, invites prompt data the way the prompt does (SIMCom `DOWNLOAD`). */
export function isPromptLine(text: string, profile: Pick<ChatProfile, 'promptLines'>): boolean {
  return profile.promptLines?.includes(text) === true
}

/** What a chat is created with: the modem's chat profile, the transcript sink, and its bounds and settle time. */
import { performance } from 'node:perf_hooks'
import type { ChatProfile } from '../modem/chat-profile.js'
import type { TranscriptSink } from './chat-types.js'

export interface ChatSettings {
  profile: ChatProfile
  /** Receives every byte both ways and atseq's notes. */
  transcript?: TranscriptSink
  /** Monotonic milliseconds; default `performance.now()` relative to the chat's creation. */
  clock?: () => number
  /** Longest line kept, in bytes (default 1 MiB); a longer one fails the running step and is dropped. */
  maxLineBytes?: number
  /** Most bytes kept for one step window or exchange (default 16 MiB); past it the step fails and the rest is dropped. */
  maxStepBytes?: number
  /** Most lines (and payloads) kept for one step window or exchange (default 10 000), as `maxStepBytes`. */
  maxStepLines?: number
  /**
   * How long a command waits for the final result code still owed by the previous command (which
   * timed out, was cancelled or hit an abort line) before it is written anyway, in ms (default the profile's `settleMs`, else 2000).
   */
  settleMs?: number
}

/** The default chat clock: `performance.now()` relative to the moment it was made, in ms. */
export function startMonotonicClock(): () => number {
  const originMs = performance.now()
  return () => performance.now() - originMs
}

/** Reads the input of an open prompt: exactly N bytes, or up to its end byte (Ctrl-Z), given up by its cancel byte (ESC). */
import type { LineInput } from './line-input.js'
import { encodeUrc, replyError, type Framing, type Reply } from './reply.js'

export type PromptReply = Reply & { kind: 'prompt' }

/** The prompt's answer once its input is complete (with the bytes taken, to echo), or undefined while it is not. */
export function takePromptInput(input: LineInput, prompt: PromptReply): { answer: () => Reply; data?: Buffer } | undefined {
  if (prompt.until === undefined) {
    const data = input.takeData(prompt.length)
    return data === undefined ? undefined : { answer: () => prompt.accept(data), data }
  }
  const { end, cancel, onCancel } = prompt.until
  const taken = input.takeUntil(end, cancel, prompt.length)
  if (taken === undefined) return undefined
  if (taken.kind === 'data') return { answer: () => prompt.accept(taken.data), data: taken.data }
  // More than the prompt's limit without its end byte: the module gives up as on a timeout.
  return { answer: taken.kind === 'cancelled' ? onCancel : replyError }
}

/** What opens the prompt: the profile's prompt, the prompt's own bytes (`DOWNLOAD`), or a framed line (`CONNECT`). */
export function describePromptOpening(prompt: PromptReply, profilePrompt: string, framing: Framing): Buffer {
  return prompt.line === undefined ? Buffer.from(prompt.text ?? profilePrompt, 'latin1') : encodeUrc(prompt.line, framing)
}

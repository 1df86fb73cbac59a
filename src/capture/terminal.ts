/**
 * The interactive side of `atseq record`: a serial-terminal-like prompt with line editing and history
 * (node:readline), every line the modem says shown with its time, `>` prompts answered with data.
 * Keys: Enter sends the line (at a `>` prompt: the data as typed, no line end); Ctrl-Z sends the data
 * followed by 0x1A; Esc cancels the data with 0x1B; Ctrl-D or `:end` ends and writes the draft;
 * Ctrl-C ends without writing.
 */
import { createInterface, type Interface } from 'node:readline'
import type { ChatLine } from '../at/chat-types.js'
import type { DataEnd } from '../model/sequence.js'
import type { CaptureSession } from './capture-session.js'

export interface TerminalIo {
  input: NodeJS.ReadableStream & { isTTY?: boolean }
  output: NodeJS.WritableStream
}

const ARROWS: Record<ChatLine['kind'], string> = { echo: '→', response: '←', final: '←', urc: '⇠', prompt: '←', payload: '⇠', late: '↞' }

/** Runs the terminal until the user ends it; resolves `end` (write the draft) or `discard`. */
export function runTerminal(capture: CaptureSession, io: TerminalIo, settings: TerminalSettings): Promise<'end' | 'discard'> {
  const rl = createInterface({ input: io.input, output: io.output, terminal: true, historySize: 200, prompt: 'AT> ' })
  const show = (text: string): void => printAbove(rl, io.output, text)
  const offLine = captureDisplay(capture, show)
  io.output.write(
    'atseq record: type AT commands. Enter sends; at a > prompt Enter sends the data, Ctrl-Z sends it with 0x1A, Esc cancels.\n',
  )
  io.output.write('Ctrl-D or :end ends and writes the draft; Ctrl-C ends without writing.\n')
  let closed = false
  const waiter = createWaiter(capture, settings, note => {
    if (closed) return void (note === undefined ? undefined : io.output.write(`${note}\n`))
    if (note !== undefined) show(note)
    rl.setPrompt(capture.isPromptOpen ? 'data> ' : 'AT> ')
    rl.prompt()
  })
  return new Promise(resolve => {
    let ending: 'end' | 'discard' = 'end'
    const finish = (how: 'end' | 'discard'): void => {
      ending = how
      rl.close()
    }
    rl.on('line', line => {
      if (line.trim() === ':end') return finish('end')
      if (waiter.isBusy()) return show(waiter.describe())
      waiter.send(line, 'none')
    })
    rl.on('SIGTSTP', () => {
      // Ctrl-Z: the data typed so far, then 0x1A (SMS-style end of input); never suspends the process.
      if (waiter.isBusy()) return show(waiter.describe())
      if (!capture.isPromptOpen) return show('(Ctrl-Z sends prompt data; there is no > prompt open)')
      waiter.send(takeLine(rl), 'ctrl-z')
    })
    rl.on('SIGINT', () => finish('discard'))
    io.input.on('keypress', onEscape)
    function onEscape(_text: string, key: { name?: string } | undefined): void {
      if (key?.name !== 'escape' || waiter.isBusy() || !capture.isPromptOpen) return
      waiter.send(takeLine(rl), 'esc')
    }
    rl.on('close', () => {
      closed = true
      io.input.off('keypress', onEscape)
      // A wait still running ends now: its step is kept (unanswered, for review) before the draft is written.
      void waiter.cancel().then(() => {
        offLine()
        io.output.write('\n')
        resolve(ending)
      })
    })
    rl.prompt()
  })
}

export interface TerminalSettings {
  /** How long a command may take to its final result code (ms), shown while waiting. */
  commandTimeoutMs: number
}

interface Waiter {
  isBusy: () => boolean
  send: (text: string, end: DataEnd) => void
  /** What is being waited for, for how long so far and how to get out. */
  describe: () => string
  /** Cancels the running wait, if any; resolves once its step is kept. */
  cancel: () => Promise<void>
}

/** One wait at a time for the modem's answer, each with the session's timeout and a way to cancel it. */
function createWaiter(capture: CaptureSession, settings: TerminalSettings, onDone: (note?: string) => void): Waiter {
  let running: { what: string; startedMs: number; abort: AbortController; done: Promise<void> } | undefined
  const send = (text: string, end: DataEnd): void => {
    const abort = new AbortController()
    const what = capture.isPromptOpen ? 'the data' : text.trim()
    if (!capture.isPromptOpen && what === '') return onDone()
    const exchange = capture.isPromptOpen ? capture.sendData(text, end, abort.signal) : capture.sendCommand(what, abort.signal)
    const startedMs = Date.now()
    const done = exchange.then(
      ended => onEnded(ended.outcome),
      (error: unknown) => onEnded(error instanceof Error ? error.message : 'failed'),
    )
    const onEnded = (outcome: string): void => {
      running = undefined
      const waited = `${((Date.now() - startedMs) / 1000).toFixed(1)}s`
      onDone(
        outcome === 'final' || outcome === 'prompt'
          ? undefined
          : `(${what}: no final result code, ${outcome} after ${waited}; the step is kept for review)`,
      )
    }
    running = { what, startedMs, abort, done }
  }
  return {
    isBusy: () => running !== undefined,
    send,
    describe: () => {
      const waitedS = Math.round((Date.now() - (running?.startedMs ?? Date.now())) / 1000)
      const timeoutS = Math.round(settings.commandTimeoutMs / 1000)
      return `(waiting for the answer to ${running?.what ?? 'the last line'}: ${waitedS}s of ${timeoutS}s; Ctrl-D writes the draft, Ctrl-C discards)`
    },
    cancel: async () => {
      running?.abort.abort()
      await running?.done
    },
  }
}

/** Shows every line the modem says, with the session's time, as a serial terminal with timestamps would. */
function captureDisplay(capture: CaptureSession, show: (text: string) => void): () => void {
  const stamp = (atMs: number): string => `[${(atMs / 1000).toFixed(3).padStart(8)}]`
  const previous = capture.onLine
  capture.onLine = line => {
    previous?.(line)
    if (line.kind !== 'echo') show(`${stamp(line.atMs)} ${ARROWS[line.kind]} ${line.text}`)
  }
  return () => {
    capture.onLine = previous
  }
}

/** Takes the line being edited, clearing it. */
function takeLine(rl: Interface): string {
  const text = rl.line
  ;(rl as unknown as { line: string; cursor: number }).line = ''
  ;(rl as unknown as { cursor: number }).cursor = 0
  return text
}

/** Prints a line above the prompt and redraws the prompt with what was being typed. */
function printAbove(rl: Interface, output: NodeJS.WritableStream, text: string): void {
  output.write('\r\x1b[K')
  output.write(`${text}\n`)
  rl.prompt(true)
}

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
export function runTerminal(capture: CaptureSession, io: TerminalIo): Promise<'end' | 'discard'> {
  const rl = createInterface({ input: io.input, output: io.output, terminal: true, historySize: 200, prompt: 'AT> ' })
  const show = (text: string): void => printAbove(rl, io.output, text)
  const offLine = captureDisplay(capture, show)
  io.output.write(
    'atseq record: type AT commands. Enter sends; at a > prompt Enter sends the data, Ctrl-Z sends it with 0x1A, Esc cancels.\n',
  )
  io.output.write('Ctrl-D or :end ends and writes the draft; Ctrl-C ends without writing.\n')
  return new Promise(resolve => {
    let busy = false
    let ending: 'end' | 'discard' = 'end'
    const finish = (how: 'end' | 'discard'): void => {
      ending = how
      rl.close()
    }
    const send = async (text: string, end: DataEnd): Promise<void> => {
      busy = true
      if (capture.isPromptOpen) await capture.sendData(text, end)
      else if (text.trim() !== '') await capture.sendCommand(text.trim())
      busy = false
      rl.setPrompt(capture.isPromptOpen ? 'data> ' : 'AT> ')
      rl.prompt()
    }
    rl.on('line', line => {
      if (line.trim() === ':end') return finish('end')
      if (busy) return show('(still waiting for the last answer)')
      void send(line, 'none')
    })
    rl.on('SIGTSTP', () => {
      // Ctrl-Z: the data typed so far, then 0x1A (SMS-style end of input); never suspends the process.
      if (busy || !capture.isPromptOpen) return show('(Ctrl-Z sends prompt data; there is no > prompt open)')
      const text = takeLine(rl)
      void send(text, 'ctrl-z')
    })
    rl.on('SIGINT', () => finish('discard'))
    io.input.on('keypress', onEscape)
    function onEscape(_text: string, key: { name?: string } | undefined): void {
      if (key?.name !== 'escape' || busy || !capture.isPromptOpen) return
      void send(takeLine(rl), 'esc')
    }
    rl.on('close', () => {
      io.input.off('keypress', onEscape)
      offLine()
      io.output.write('\n')
      resolve(ending)
    })
    rl.prompt()
  })
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

/** Prompt data as written (the bytes plus Ctrl-Z or ESC) and as a modem with echo on sends it back. */
import type { DataEnd } from './chat-types.js'

const endBytes: Record<DataEnd, Buffer> = {
  none: Buffer.alloc(0),
  'ctrl-z': Buffer.from([0x1a]),
  esc: Buffer.from([0x1b]),
}

/** The bytes plus the end the step asks for, as the one write the modem receives. */
export function encodePromptData(bytes: Buffer, end: DataEnd): Buffer {
  return Buffer.concat([bytes, endBytes[end]])
}

/** The lines a modem with echo on sends back for prompt data. */
export function splitIntoLines(bytes: Buffer): string[] {
  return bytes
    .toString('utf8')
    .split(/\r\n|\r|\n/)
    .filter(line => line.length > 0)
}

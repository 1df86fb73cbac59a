import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs'
import { errorAt, type Diagnostic } from '../model/diagnostic.js'

/** Files larger than this are refused before reading: a sequence is a few kilobytes. */
export const MAX_SEQUENCE_BYTES = 1024 * 1024

/** A source file's bytes and its text, or the reason it could not be read. */
export type SourceRead = { kind: 'read'; bytes: Buffer; text: string } | { kind: 'unreadable'; diagnostic: Diagnostic }

/** Reads a text input file, refusing missing, huge, binary and non-UTF-8 files with a located diagnostic. */
export async function readSourceFile(file: string, maxBytes = MAX_SEQUENCE_BYTES): Promise<SourceRead> {
  return readSourceFileSync(file, maxBytes)
}

/**
 * Same as `readSourceFile`, blocking: one open, fstat, read and close. For checking many small files this is cheaper
 * than the promise API's several thread-pool round trips per file (~0.18 ms each file), and the parse that follows
 * is synchronous anyway.
 */
export function readSourceFileSync(file: string, maxBytes = MAX_SEQUENCE_BYTES): SourceRead {
  const read = readRegularFileSync(file, maxBytes)
  return read.kind === 'bytes' ? decodeSource(file, read.bytes) : read
}

/** A regular file's bytes, or why they were not read. */
export type RegularFileRead = { kind: 'bytes'; bytes: Buffer } | { kind: 'unreadable'; diagnostic: Diagnostic }

/**
 * Reads a regular file of at most `maxBytes`, following symlinks. Anything else is refused before a byte is read:
 * a FIFO would block the read for good and a device (`/dev/zero`) never ends. The open does not block (a FIFO
 * without a writer would), the type and size are checked on the open descriptor, and the read stops at the limit
 * even if the file grows meanwhile.
 */
export function readRegularFileSync(file: string, maxBytes: number): RegularFileRead {
  let fd: number
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    return { kind: 'unreadable', diagnostic: describeFsError(file, error) }
  }
  try {
    const info = fstatSync(fd)
    if (info.isDirectory())
      return { kind: 'unreadable', diagnostic: errorAt(start(file), 'not-a-file', 'this is a folder, not a sequence file') }
    if (!info.isFile()) return { kind: 'unreadable', diagnostic: describeNotRegular(file, info) }
    if (info.size > maxBytes) return { kind: 'unreadable', diagnostic: describeTooLarge(file, info.size, maxBytes) }
    const bytes = readAtMost(fd, info.size, maxBytes + 1)
    // The file may have grown since fstat.
    if (bytes.length > maxBytes) return { kind: 'unreadable', diagnostic: describeTooLarge(file, bytes.length, maxBytes) }
    return { kind: 'bytes', bytes }
  } catch (error) {
    return { kind: 'unreadable', diagnostic: describeFsError(file, error) }
  } finally {
    closeSync(fd)
  }
}

/**
 * Reads from the start until the end of the file or `limit` bytes, whichever comes first. The buffer starts one byte
 * past the size fstat gave, so the end shows at once, and grows only if the file grew: a buffer of `limit` bytes for
 * every file of a folder cost more than reading them.
 */
function readAtMost(fd: number, expectedBytes: number, limit: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(limit, expectedBytes + 1))
  let position = 0
  while (position < limit) {
    if (position === buffer.length) buffer = Buffer.concat([buffer], Math.min(limit, buffer.length * 2))
    const read = readSync(fd, buffer, position, buffer.length - position, position)
    if (read === 0) break
    position += read
  }
  return buffer.subarray(0, position)
}

function describeNotRegular(file: string, info: Stats): Diagnostic {
  const what = info.isFIFO()
    ? 'a named pipe'
    : info.isSocket()
      ? 'a socket'
      : info.isCharacterDevice() || info.isBlockDevice()
        ? 'a device'
        : 'not a regular file'
  return errorAt(start(file), 'not-a-file', `this is ${what}, not a regular file`, 'name a regular file (symlinks to one are followed)')
}

/** A fatal decoder keeps no state between whole-buffer decodes: one serves every file. */
const UTF8 = new TextDecoder('utf-8', { fatal: true })

/** Decodes bytes as UTF-8 text, refusing binary content. */
export function decodeSource(file: string, bytes: Buffer): SourceRead {
  const nul = bytes.indexOf(0)
  if (nul >= 0)
    return unreadable(locateOffset(file, bytes, nul), 'binary-file', 'the file is binary (it contains a NUL byte), not YAML text')
  try {
    const text = UTF8.decode(bytes)
    return { kind: 'read', bytes, text: text.startsWith('\uFEFF') ? text.slice(1) : text }
  } catch {
    return unreadable({ file, line: 1, col: 1 }, 'binary-file', 'the file is not valid UTF-8 text', 'save it as UTF-8')
  }
}

function describeTooLarge(file: string, size: number, maxBytes: number): Diagnostic {
  return errorAt(
    start(file),
    'file-too-large',
    `the file is ${size} bytes; sequence files are limited to ${maxBytes} bytes`,
    'split it into several sequences',
  )
}

function describeFsError(file: string, error: unknown): Diagnostic {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return errorAt(start(file), 'file-not-found', 'no such file', 'check the path')
  if (code === 'EACCES' || code === 'EPERM') return errorAt(start(file), 'file-unreadable', 'permission denied reading this file')
  return errorAt(start(file), 'file-unreadable', `cannot read this file (${code ?? String(error)})`)
}

function unreadable(at: Diagnostic['at'], code: string, message: string, hint?: string): SourceRead {
  return { kind: 'unreadable', diagnostic: errorAt(at, code, message, hint) }
}

function locateOffset(file: string, bytes: Buffer, offset: number): Diagnostic['at'] {
  const before = bytes.subarray(0, offset)
  let line = 1
  let lineStart = 0
  for (let i = 0; i < before.length; i++)
    if (before[i] === 0x0a) {
      line++
      lineStart = i + 1
    }
  return { file, line, col: offset - lineStart + 1 }
}

function start(file: string): Diagnostic['at'] {
  return { file, line: 1, col: 1 }
}

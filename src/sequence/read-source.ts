import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { errorAt, type Diagnostic } from '../model/diagnostic.js'

/** Files larger than this are refused before reading: a sequence is a few kilobytes. */
export const MAX_SEQUENCE_BYTES = 1024 * 1024

/** A source file's bytes and its text, or the reason it could not be read. */
export type SourceRead = { kind: 'read'; bytes: Buffer; text: string } | { kind: 'unreadable'; diagnostic: Diagnostic }

/** Reads a text input file, refusing missing, huge, binary and non-UTF-8 files with a located diagnostic. */
export async function readSourceFile(file: string, maxBytes = MAX_SEQUENCE_BYTES): Promise<SourceRead> {
  const problem = await checkFileStat(file, maxBytes)
  if (problem !== undefined) return { kind: 'unreadable', diagnostic: problem }
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (error) {
    return { kind: 'unreadable', diagnostic: describeFsError(file, error) }
  }
  return decodeSource(file, bytes)
}

/**
 * Same as `readSourceFile`, blocking: one open, fstat, read and close. For checking many small files this is cheaper
 * than the promise API's several thread-pool round trips per file (~0.18 ms each file), and the parse that follows
 * is synchronous anyway.
 */
export function readSourceFileSync(file: string, maxBytes = MAX_SEQUENCE_BYTES): SourceRead {
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch (error) {
    return { kind: 'unreadable', diagnostic: describeFsError(file, error) }
  }
  try {
    const info = fstatSync(fd)
    if (info.isDirectory())
      return { kind: 'unreadable', diagnostic: errorAt(start(file), 'not-a-file', 'this is a folder, not a sequence file') }
    if (info.size > maxBytes) return { kind: 'unreadable', diagnostic: describeTooLarge(file, info.size, maxBytes) }
    const bytes = readWhole(fd, info.size)
    // The file may have grown since fstat.
    if (bytes.length > maxBytes) return { kind: 'unreadable', diagnostic: describeTooLarge(file, bytes.length, maxBytes) }
    return decodeSource(file, bytes)
  } catch (error) {
    return { kind: 'unreadable', diagnostic: describeFsError(file, error) }
  } finally {
    closeSync(fd)
  }
}

/** Reads a file from its start; `size` is a hint (the file may have changed since fstat). */
function readWhole(fd: number, size: number): Buffer {
  const chunks: Buffer[] = []
  let position = 0
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.max(size - position, 0) + 1)
    const read = readSync(fd, chunk, 0, chunk.length, position)
    if (read === 0) break
    chunks.push(chunk.subarray(0, read))
    position += read
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
}

/** Decodes bytes as UTF-8 text, refusing binary content. */
export function decodeSource(file: string, bytes: Buffer): SourceRead {
  const nul = bytes.indexOf(0)
  if (nul >= 0)
    return unreadable(locateOffset(file, bytes, nul), 'binary-file', 'the file is binary (it contains a NUL byte), not YAML text')
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return { kind: 'read', bytes, text: text.startsWith('\uFEFF') ? text.slice(1) : text }
  } catch {
    return unreadable({ file, line: 1, col: 1 }, 'binary-file', 'the file is not valid UTF-8 text', 'save it as UTF-8')
  }
}

async function checkFileStat(file: string, maxBytes: number): Promise<Diagnostic | undefined> {
  try {
    const info = await stat(file)
    if (info.isDirectory()) return errorAt(start(file), 'not-a-file', 'this is a folder, not a sequence file')
    if (info.size > maxBytes) return describeTooLarge(file, info.size, maxBytes)
    return undefined
  } catch (error) {
    return describeFsError(file, error)
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

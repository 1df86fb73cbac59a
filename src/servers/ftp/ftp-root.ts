/**
 * The FTP server's files: a temporary folder seen by clients as `/`. Every path a client names is resolved inside
 * it, so `..` or an absolute path can never reach the rest of the machine.
 */
import { mkdtemp, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, posix, relative, resolve, sep } from 'node:path'

/** Files a fresh server holds, so a sequence can download without uploading first. */
export const SEEDED_FILES: ReadonlyMap<string, Buffer> = new Map([
  ['/pub/hello.txt', Buffer.from('Hello from the FTP server.')],
  ['/pub/notes.txt', Buffer.from('line 1\r\nline 2\r\nOK\r\nline 4\r\n')],
  ['/pub/sample.bin', createSampleBytes(4000)],
])

/** Folders a fresh server has besides those of the seeded files. */
const SEEDED_DIRS = ['/upload']

/** `count` deterministic bytes (0, 1, ... 255, 0, ...), larger than one AT data block. */
export function createSampleBytes(count: number): Buffer {
  return Buffer.from(Array.from({ length: count }, (_, at) => at % 256))
}

export class FtpRoot {
  private constructor(readonly dir: string) {}

  /** A new root in a temporary folder, seeded with SEEDED_FILES. */
  static async create(): Promise<FtpRoot> {
    const root = new FtpRoot(await mkdtemp(join(tmpdir(), 'atseq-ftp-')))
    for (const dir of SEEDED_DIRS) await mkdir(root.toLocal(dir), { recursive: true })
    for (const [path, body] of SEEDED_FILES) await root.put(path, body)
    return root
  }

  /** The absolute server path of `path` written relative to `cwd` (both server paths). */
  resolvePath(cwd: string, path: string): string {
    return posix.resolve('/', cwd, path)
  }

  /** The local file behind a server path; never outside the root. */
  toLocal(serverPath: string): string {
    const local = resolve(this.dir, '.' + posix.resolve('/', serverPath))
    const inside = relative(this.dir, local)
    if (inside.startsWith('..') || inside.split(sep).includes('..')) throw new Error(`${serverPath} is outside the root`)
    return local
  }

  /** Writes a file, creating its folders. */
  async put(serverPath: string, body: Buffer): Promise<void> {
    const local = this.toLocal(serverPath)
    await mkdir(resolve(local, '..'), { recursive: true })
    await writeFile(local, body)
  }

  async isDirectory(serverPath: string): Promise<boolean> {
    return (await stat(this.toLocal(serverPath)).catch(() => undefined))?.isDirectory() ?? false
  }

  /** A Unix `ls -l` listing of a folder (or of one file), CRLF after each line, as most servers send for LIST. */
  async list(serverPath: string): Promise<string> {
    const local = this.toLocal(serverPath)
    const info = await stat(local)
    const entries = info.isDirectory() ? (await readdir(local)).sort() : [posix.basename(serverPath)]
    const base = info.isDirectory() ? local : resolve(local, '..')
    const lines = await Promise.all(entries.map(async name => describeEntry(name, await stat(join(base, name)))))
    return lines.map(line => line + '\r\n').join('')
  }

  async close(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true })
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function describeEntry(name: string, info: { isDirectory(): boolean; size: number; mtime: Date }): string {
  const mode = info.isDirectory() ? 'drwxr-xr-x' : '-rw-r--r--'
  const when = info.mtime
  const time = `${String(when.getUTCHours()).padStart(2, '0')}:${String(when.getUTCMinutes()).padStart(2, '0')}`
  const date = `${MONTHS[when.getUTCMonth()]} ${String(when.getUTCDate()).padStart(2, ' ')} ${time}`
  return `${mode}    1 ftp      ftp      ${String(info.size).padStart(8, ' ')} ${date} ${name}`
}

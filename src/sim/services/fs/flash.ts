/**
 * The module's flash file system as plain data: drives, folders and files with their bytes. It lives outside the
 * modem state, which a reboot replaces, so files survive AT+CRESET and AT+CFUN resets as they do on the module.
 * Paths are `C:/dir/file.txt` (drive letters in any case, `\` read as `/`); a folder's path has no trailing slash
 * except a drive's root (`C:/`).
 */
import { selectFileSystemSpec, type DriveSpec, type FileSystemSpec } from './fs-drives.js'

export interface FlashFile {
  bytes: Buffer
  /** When the file was written, `Date.now()` milliseconds. */
  createdMs: number
}

export type FlashResult = { ok: true } | { ok: false; reason: 'not-found' | 'exists' | 'not-empty' | 'full' | 'invalid' }

export class Flash {
  private readonly dirs = new Set<string>()
  private readonly files = new Map<string, FlashFile>()

  constructor(readonly spec: FileSystemSpec) {
    for (const drive of spec.drives) if (drive.present) this.dirs.add(`${drive.name}/`)
  }

  /** The absolute path of `path` (absolute, or relative to the folder `cwd`), or undefined when it cannot be one. */
  resolve(cwd: string, path: string): string | undefined {
    const text = path.replace(/\\/g, '/').trim()
    const drive = /^([a-z]:)(\/|$)/i.exec(text)
    const base = drive ? `${drive[1]!.toUpperCase()}/` : cwd
    const rest = drive ? text.slice(drive[0].length) : text
    const parts = base
      .slice(3)
      .split('/')
      .filter(part => part !== '')
    for (const part of rest.split('/')) {
      if (part === '' || part === '.') continue
      if (part === '..') parts.pop()
      else parts.push(part)
    }
    const root = base.slice(0, 3)
    return parts.length === 0 ? root : root + parts.join('/')
  }

  /** The drive a path is on, when the module has it with a medium in it. */
  driveOf(path: string): DriveSpec | undefined {
    return this.spec.drives.find(drive => drive.present && path.toUpperCase().startsWith(drive.name))
  }

  isDirectory(path: string): boolean {
    return this.dirs.has(path)
  }

  readFile(path: string): FlashFile | undefined {
    return this.files.get(path)
  }

  /** Creates or replaces a file; its folder must exist and the drive must have room. */
  writeFile(path: string, bytes: Buffer): FlashResult {
    const drive = this.driveOf(path)
    if (drive === undefined || !this.isDirectory(parentOf(path)) || this.isDirectory(path)) return { ok: false, reason: 'invalid' }
    const replaced = this.files.get(path)?.bytes.length ?? 0
    if (this.usedBytes(drive) - replaced + bytes.length > drive.capacityBytes) return { ok: false, reason: 'full' }
    this.files.set(path, { bytes: Buffer.from(bytes), createdMs: Date.now() })
    return { ok: true }
  }

  deleteFile(path: string): FlashResult {
    return this.files.delete(path) ? { ok: true } : { ok: false, reason: 'not-found' }
  }

  renameFile(from: string, to: string): FlashResult {
    const file = this.files.get(from)
    if (file === undefined) return { ok: false, reason: 'not-found' }
    if (this.files.has(to) || this.isDirectory(to)) return { ok: false, reason: 'exists' }
    if (!this.isDirectory(parentOf(to)) || this.driveOf(to) !== this.driveOf(from)) return { ok: false, reason: 'invalid' }
    this.files.delete(from)
    this.files.set(to, file)
    return { ok: true }
  }

  makeDirectory(path: string): FlashResult {
    if (this.isDirectory(path) || this.files.has(path)) return { ok: false, reason: 'exists' }
    if (this.driveOf(path) === undefined || !this.isDirectory(parentOf(path))) return { ok: false, reason: 'invalid' }
    this.dirs.add(path)
    return { ok: true }
  }

  removeDirectory(path: string): FlashResult {
    if (!this.isDirectory(path) || path.endsWith('/')) return { ok: false, reason: 'not-found' }
    if (this.list(path).dirs.length > 0 || this.list(path).files.length > 0) return { ok: false, reason: 'not-empty' }
    this.dirs.delete(path)
    return { ok: true }
  }

  /** The names of a folder's sub-folders and files, each sorted. */
  list(path: string): { dirs: string[]; files: string[] } {
    const childOf = (entry: string): string | undefined => (parentOf(entry) === path ? entry.slice(joinable(path).length) : undefined)
    const names = (entries: Iterable<string>): string[] =>
      [...entries]
        .map(childOf)
        .filter((name): name is string => name !== undefined && name !== '')
        .sort()
    return { dirs: names([...this.dirs].filter(dir => !dir.endsWith('/'))), files: names(this.files.keys()) }
  }

  /** Bytes the files on a drive take. */
  usedBytes(drive: DriveSpec): number {
    let used = 0
    for (const [path, file] of this.files) if (path.startsWith(drive.name)) used += file.bytes.length
    return used
  }
}

/** An empty flash with the drives of the profile named `profileName`. */
export function createFlash(profileName: string): Flash {
  return new Flash(selectFileSystemSpec(profileName))
}

/** The folder holding `path` (a drive's root is its own parent). */
export function parentOf(path: string): string {
  if (path.endsWith('/')) return path
  const slash = path.lastIndexOf('/')
  return slash <= 2 ? path.slice(0, 3) : path.slice(0, slash)
}

/** The last part of a path (`C:/a/b.txt` → `b.txt`). */
export function baseNameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

function joinable(dir: string): string {
  return dir.endsWith('/') ? dir : `${dir}/`
}

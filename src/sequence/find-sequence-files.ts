import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'

const SEQUENCE_FILE = /\.ya?ml$/i

/**
 * Expands files and folders into a sorted list of sequence files (`*.yaml`, `*.yml`, searched recursively).
 * A path that does not exist or a file with another extension that was named explicitly is kept,
 * so loading it reports the problem instead of silently skipping it.
 */
export async function findSequenceFiles(paths: readonly string[]): Promise<string[]> {
  const found = new Set<string>()
  for (const path of paths) {
    for (const file of await expandPath(path)) found.add(file)
  }
  return [...found].sort()
}

async function expandPath(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined)
  if (info === undefined || !info.isDirectory()) return [path]
  const entries = await readdir(path, { recursive: true, withFileTypes: true })
  return entries
    .filter(e => e.isFile() && SEQUENCE_FILE.test(e.name) && !isHidden(e.parentPath ?? path, e.name, path))
    .map(e => join(e.parentPath ?? path, e.name))
}

/** Skips dot-files and dot-folders (editor backups, `.git`) inside a searched folder. */
function isHidden(parent: string, name: string, root: string): boolean {
  const relative = join(parent, name).slice(root.length)
  return relative.split(/[\\/]/).some(part => part.startsWith('.'))
}

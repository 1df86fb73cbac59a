import { readFileSync } from 'node:fs'

/** The version in atseq's package.json (read once; the same file in source and built trees). */
export function readPackageVersion(): string {
  const url = new URL('../../package.json', import.meta.url)
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version
}

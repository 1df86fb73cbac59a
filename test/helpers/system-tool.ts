import { accessSync, constants } from 'node:fs'
import { delimiter, isAbsolute, join } from 'node:path'
import type { Test } from 'tap'

/** Debian packages that provide the tools tests use, for the hint shown when one is missing. */
const DEBIAN_PACKAGES: Record<string, string> = {
  socat: 'socat',
  mosquitto: 'mosquitto',
  mosquitto_pub: 'mosquitto-clients',
  mosquitto_sub: 'mosquitto-clients',
  chromium: 'chromium',
  pppd: 'ppp',
  tmux: 'tmux',
  python3: 'python3',
  openssl: 'openssl',
  vsftpd: 'vsftpd',
  gammu: 'gammu',
}

// Daemons such as mosquitto live in sbin, which is not on every user's PATH.
const SBIN_DIRS = ['/usr/local/sbin', '/usr/sbin', '/sbin']

/** The absolute path of an executable `name` on PATH (or in an sbin directory), or undefined. */
export function findTool(name: string): string | undefined {
  if (isAbsolute(name)) return isExecutable(name) ? name : undefined
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(dir => dir !== ''), ...SBIN_DIRS]
  return dirs.map(dir => join(dir, name)).find(isExecutable)
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** How to get `name`, e.g. `socat not installed: apt-get install socat`. */
export function describeMissingTool(name: string): string {
  const pkg = DEBIAN_PACKAGES[name] ?? name
  return `${name} not installed: apt-get install ${pkg}`
}

/**
 * True when the command `name` exists. When it does not, it fails the test under `CI=true`
 * (CI must run everything) and otherwise records a visible skip with an install hint; both return false.
 */
export function requireTool(t: Test, name: string): boolean {
  if (findTool(name) !== undefined) return true
  const reason = describeMissingTool(name)
  if (process.env.CI === 'true') t.fail(`${reason} (CI=true: a missing tool fails the test)`)
  else void t.skip(reason, () => {})
  return false
}

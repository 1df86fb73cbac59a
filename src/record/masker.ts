/**
 * The one masking model of a run, applied where data enters the run record: secret values in every form a
 * template can give them, captures into secret vars (the line they arrive on included), credentials in URLs
 * and in the command parameters the modem vocabulary marks, private keys whole or in parts, and device
 * identifiers by kind. The run record, the streamed transcript and every report only ever see masked text.
 */
import { isUtf8 } from 'node:buffer'
import { parseAtCommand } from '../modem/at-command-line.js'
import { listCredentialParams } from '../modem/families/index.js'
import type { CredentialParamRule } from '../modem/modem-family.js'
import { maskIdentifiers } from './mask-identifiers.js'
import { PrivateKeyMask } from './private-key-mask.js'
import { listSecretVariants } from './secret-variants.js'

/** What replaces a masked secret (identifiers keep their shape instead). */
export const MASK = '••••••'

export interface MaskerOptions {
  /** Literal values to mask wherever they appear (secret vars, secret captures). */
  secrets?: Iterable<string>
  /** Mask IMEI/IMSI/ICCID/MSISDN-shaped numbers; default true. Secrets are masked either way. */
  maskIdentifiers?: boolean
}

/** A regex whose named groups capture into secret vars. */
interface SecretCapture {
  pattern: RegExp
  groups: readonly string[]
}

// The user info of any URL (`mqtt://user:pass@host`): user names and passwords alike.
const URL_USER_INFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi
const LINE_BREAK = /(\r\n|\r|\n)/

/** Masks secrets in text; one instance per run, learning new secrets as they are captured. */
export class Masker {
  private readonly secrets = new Set<string>()
  private readonly captures: SecretCapture[] = []
  private readonly keys = new PrivateKeyMask(MASK, line => this.addSecret(line))
  private readonly credentialParams = listCredentialParams()
  // A line that names no command with credential parameters has none to learn; most lines are skipped on this test.
  private readonly credentialCommand = buildNamePattern(this.credentialParams)
  private readonly maskIdentifiers: boolean
  private secretPattern: RegExp | undefined

  constructor(options: MaskerOptions = {}) {
    for (const value of options.secrets ?? []) this.addSecret(value)
    this.maskIdentifiers = options.maskIdentifiers ?? true
  }

  /** Adds a value to mask from now on, in all its forms; empty values are ignored (they would mask everything). */
  addSecret(value: string): void {
    if (value.length === 0 || this.secrets.has(value)) return
    this.secrets.add(value)
    this.secretPattern = undefined
  }

  /** Masks what the named groups of this pattern capture in any line it matches, from the line it first appears on. */
  addSecretCapture(pattern: RegExp, groups: readonly string[]): void {
    if (groups.length > 0) this.captures.push({ pattern: new RegExp(pattern.source, pattern.flags.replace('g', '')), groups })
  }

  /** Returns the text with every secret, credential, private key and (unless opted out) identifier masked. */
  mask(text: string): string {
    for (const line of text.split(LINE_BREAK)) this.learnFromLine(line)
    let masked = this.keys.apply(text)
    if (masked.includes('://')) masked = masked.replace(URL_USER_INFO, `$1${MASK}@`)
    masked = this.maskSecrets(masked)
    return this.maskIdentifiers ? maskIdentifiers(masked) : masked
  }

  /** Masks raw bytes: as UTF-8 when they are valid UTF-8, else byte for byte (latin1) so binary payloads survive. */
  maskBytes(bytes: Buffer): Buffer {
    const encoding: BufferEncoding = isUtf8(bytes) ? 'utf8' : 'latin1'
    const text = bytes.toString(encoding)
    const masked = this.mask(text)
    return masked === text ? bytes : Buffer.from(masked, encoding)
  }

  /** Masks every string inside a value (a step result), keeping its shape. */
  maskDeep<T>(value: T): T {
    if (typeof value === 'string') return this.mask(value) as T
    if (Array.isArray(value)) return value.map(item => this.maskDeep(item) as unknown) as T
    if (value === null || typeof value !== 'object') return value
    const masked: Record<string, unknown> = {}
    for (const key of Object.keys(value)) masked[key] = this.maskDeep((value as Record<string, unknown>)[key])
    return masked as T
  }

  // Secrets a line reveals: a capture into a secret var, a credential parameter of a command.
  private learnFromLine(line: string): void {
    for (const capture of this.captures) {
      const groups = capture.pattern.exec(line)?.groups ?? {}
      for (const name of capture.groups) this.addSecret(groups[name] ?? '')
    }
    if (this.credentialCommand?.test(line) !== true) return
    const command = parseAtCommand(line.replace(/^[^A]*(?=AT)/i, '').replace(/[\x1a\x1b]+$/, ''))
    if (command === undefined || command.form !== 'write') return
    for (const rule of this.credentialParams) {
      if (!isRuleFor(rule, command.name, command.args)) continue
      for (const index of rule.params) this.addSecret(command.args[index]?.text ?? '')
    }
  }

  private maskSecrets(text: string): string {
    if (this.secrets.size === 0) return text
    this.secretPattern ??= buildSecretPattern(this.secrets)
    return text.replace(this.secretPattern, MASK)
  }
}

function isRuleFor(rule: CredentialParamRule, name: string, args: ReadonlyArray<{ text: string }>): boolean {
  if (rule.name !== name) return false
  return rule.when === undefined || args[rule.when.param]?.text.toLowerCase() === rule.when.equals.toLowerCase()
}

function buildNamePattern(rules: readonly CredentialParamRule[]): RegExp | undefined {
  if (rules.length === 0) return undefined
  return new RegExp([...new Set(rules.map(rule => rule.name))].map(escapeRegExp).join('|'), 'i')
}

function buildSecretPattern(secrets: ReadonlySet<string>): RegExp {
  const variants = [...new Set([...secrets].flatMap(listSecretVariants))].sort((a, b) => b.length - a.length)
  return new RegExp(variants.map(escapeRegExp).join('|'), 'gi')
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}

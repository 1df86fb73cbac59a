/**
 * AT+QSSLCFG: the SSL contexts (0..5) AT+QMTCFG="ssl" and AT+QSSLOPEN use. `AT+QSSLCFG="<key>",<ctx>` reads a key
 * (`+QSSLCFG: "<key>",<ctx>,<value>`), `AT+QSSLCFG="<key>",<ctx>,<value>` writes it. `seclevel` 0 checks nothing,
 * 1 checks the server against `cacert`, 2 also presents `clientcert` / `clientkey`.
 */
import { readInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, type Reply } from '../../reply.js'
import type { SslContext } from '../ssl/ssl-state.js'
import { toUfsName } from '../qfile/qfile-commands.js'

type NumericField = 'sslVersion' | 'authMode' | 'ignoreLocalTime' | 'negotiateTimeS' | 'enableSni'
type FileKey = 'cacert' | 'clientcert' | 'clientkey'

const NUMERIC_KEYS: ReadonlyMap<string, { field: NumericField; min: number; max: number }> = new Map([
  ['sslversion', { field: 'sslVersion', min: 0, max: 4 }],
  ['seclevel', { field: 'authMode', min: 0, max: 2 }],
  ['ignorelocaltime', { field: 'ignoreLocalTime', min: 0, max: 1 }],
  ['negotiatetime', { field: 'negotiateTimeS', min: 10, max: 300 }],
  ['sni', { field: 'enableSni', min: 0, max: 1 }],
])

const FILE_KEYS: ReadonlyMap<string, { key: FileKey; field: 'caCert' | 'clientCert' | 'clientKey' }> = new Map([
  ['cacert', { key: 'cacert', field: 'caCert' }],
  ['clientcert', { key: 'clientcert', field: 'clientCert' }],
  ['clientkey', { key: 'clientkey', field: 'clientKey' }],
])

const CIPHER_SUITE = /^0x[0-9a-f]{4}$/i

function configureSsl(cmd: AtCommand, ctx: CommandContext): Reply {
  const maxCtx = ctx.profile.limits.sslContexts - 1
  if (cmd.form === 'test') return replyOk(...describeRanges(maxCtx))
  const name = readString(cmd, 0)?.toLowerCase()
  const index = readInt(cmd, 1, 0, maxCtx)
  const context = index === undefined ? undefined : ctx.state.ssl[index]
  if (cmd.form !== 'write' || name === undefined || index === undefined || context === undefined || cmd.args.length > 3) return replyError()
  const show = (value: string): Reply => replyOk(`+QSSLCFG: "${name}",${index},${value}`)
  const numeric = NUMERIC_KEYS.get(name)
  if (numeric !== undefined) {
    if (cmd.args.length === 2) return show(String(context[numeric.field]))
    const value = readInt(cmd, 2, numeric.min, numeric.max)
    if (value === undefined) return replyError()
    context[numeric.field] = value
    return replyOk()
  }
  const file = FILE_KEYS.get(name)
  if (file !== undefined) return configureFile(cmd, ctx, index, file, show)
  if (name !== 'ciphersuite') return replyError()
  const extras = ctx.state.qssl[index]!
  if (cmd.args.length === 2) return show(extras.cipherSuite)
  const suite = cmd.args[2]?.text ?? ''
  if (cmd.args[2]?.quoted === true || !CIPHER_SUITE.test(suite)) return replyError()
  extras.cipherSuite = suite
  return replyOk()
}

function configureFile(
  cmd: AtCommand,
  ctx: CommandContext,
  index: number,
  file: { key: FileKey; field: 'caCert' | 'clientCert' | 'clientKey' },
  show: (value: string) => Reply,
): Reply {
  const extras = ctx.state.qssl[index]!
  const context: SslContext = ctx.state.ssl[index]!
  if (cmd.args.length === 2) return show(`"${extras.fileNames[file.key] ?? ''}"`)
  const written = readString(cmd, 2)
  const name = written === undefined ? undefined : toUfsName(written)
  if (written === undefined || name === undefined) return replyError()
  context[file.field] = name
  extras.fileNames[file.key] = written
  return replyOk()
}

function describeRanges(maxCtx: number): string[] {
  const ctxRange = `(0-${maxCtx})`
  return [
    `+QSSLCFG: "sslversion",${ctxRange},(0-4)`,
    `+QSSLCFG: "ciphersuite",${ctxRange},"0xFFFF"`,
    `+QSSLCFG: "seclevel",${ctxRange},(0-2)`,
    `+QSSLCFG: "cacert",${ctxRange},"<cacertpath>"`,
    `+QSSLCFG: "clientcert",${ctxRange},"<client_cert_path>"`,
    `+QSSLCFG: "clientkey",${ctxRange},"<client_key_path>"`,
    `+QSSLCFG: "ignorelocaltime",${ctxRange},(0,1)`,
    `+QSSLCFG: "negotiatetime",${ctxRange},(10-300)`,
    `+QSSLCFG: "sni",${ctxRange},(0,1)`,
  ]
}

export const QSSL_HANDLERS: HandlerTable = {
  '+QSSLCFG': configureSsl,
}

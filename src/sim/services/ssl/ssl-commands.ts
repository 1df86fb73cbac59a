/** SSL contexts and certificate files: AT+CSSLCFG, AT+CCERTDOWN (prompt), AT+CCERTLIST, AT+CCERTDELE. */
import { hasArgCount, readInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import type { SslContext } from './ssl-state.js'
import { replyError, replyOk, replyPrompt, type Reply } from '../../reply.js'

type NumericKey = 'sslVersion' | 'authMode' | 'ignoreLocalTime' | 'negotiateTimeS' | 'enableSni' | 'ignoreCertCn'
type FileKey = 'caCert' | 'clientCert' | 'clientKey' | 'password'

const NUMERIC_SETTINGS: ReadonlyMap<string, { key: NumericKey; min: number; max: number }> = new Map([
  ['sslversion', { key: 'sslVersion', min: 0, max: 4 }],
  ['authmode', { key: 'authMode', min: 0, max: 3 }],
  ['ignorelocaltime', { key: 'ignoreLocalTime', min: 0, max: 1 }],
  ['negotiatetime', { key: 'negotiateTimeS', min: 10, max: 300 }],
  ['enablesni', { key: 'enableSni', min: 0, max: 1 }],
  // V2.03 firmware; V1.09's read line has no field for it, so it is accepted but not printed.
  ['ignorecertcn', { key: 'ignoreCertCn', min: 0, max: 1 }],
])

const FILE_SETTINGS: ReadonlyMap<string, FileKey> = new Map([
  ['cacert', 'caCert'],
  ['clientcert', 'clientCert'],
  ['clientkey', 'clientKey'],
  ['password', 'password'],
])

function configureSsl(cmd: AtCommand, ctx: CommandContext): Reply {
  const maxCtx = ctx.profile.limits.sslContexts - 1
  if (cmd.form === 'test') return replyOk(...describeSslRanges(maxCtx, ctx.profile.limits.certFileNameChars))
  if (cmd.form === 'read') return replyOk(...ctx.state.ssl.map(describeSslContext))
  if (cmd.form !== 'write') return replyError()
  if (cmd.args.length === 1) {
    const index = readInt(cmd, 0, 0, maxCtx)
    const context = index === undefined ? undefined : ctx.state.ssl[index]
    return context === undefined || index === undefined ? replyError() : replyOk(describeSslContext(context, index))
  }
  return setSslValue(cmd, ctx, maxCtx)
}

function setSslValue(cmd: AtCommand, ctx: CommandContext, maxCtx: number): Reply {
  const name = readString(cmd, 0)?.toLowerCase()
  const index = readInt(cmd, 1, 0, maxCtx)
  const context = index === undefined ? undefined : ctx.state.ssl[index]
  if (name === undefined || context === undefined || !hasArgCount(cmd, 3, 3)) return replyError()
  const numeric = NUMERIC_SETTINGS.get(name)
  if (numeric) {
    const value = readInt(cmd, 2, numeric.min, numeric.max)
    if (value === undefined) return replyError()
    context[numeric.key] = value
    return replyOk()
  }
  const fileKey = FILE_SETTINGS.get(name)
  const fileName = readString(cmd, 2)
  const { min, max } = ctx.profile.limits.certFileNameChars
  if (fileKey === undefined || fileName === undefined || fileName.length < min || fileName.length > max) return replyError()
  context[fileKey] = fileName
  return replyOk()
}

function describeSslRanges(maxCtx: number, names: { min: number; max: number }): string[] {
  const ctxRange = `(0-${maxCtx})`
  return [
    `+CSSLCFG: "sslversion",${ctxRange},(0-4)`,
    `+CSSLCFG: "authmode",${ctxRange},(0-3)`,
    `+CSSLCFG: "ignorelocaltime",${ctxRange},(0,1)`,
    `+CSSLCFG: "negotiatetime",${ctxRange},(10-300)`,
    `+CSSLCFG: "cacert",${ctxRange},(${names.min}-${names.max})`,
    `+CSSLCFG: "clientcert",${ctxRange},(${names.min}-${names.max})`,
    `+CSSLCFG: "clientkey",${ctxRange},(${names.min}-${names.max})`,
    `+CSSLCFG: "password",${ctxRange},(${names.min}-${names.max})`,
    `+CSSLCFG: "enableSNI",${ctxRange},(0,1)`,
  ]
}

function describeSslContext(c: SslContext, index: number): string {
  return (
    `+CSSLCFG: ${index},${c.sslVersion},${c.authMode},${c.ignoreLocalTime},${c.negotiateTimeS},` +
    `"${c.caCert ?? ''}","${c.clientCert ?? ''}","${c.clientKey ?? ''}","${c.password ?? ''}",${c.enableSni}`
  )
}

function downloadCertificate(cmd: AtCommand, ctx: CommandContext): Reply {
  const { certFileNameChars: names, certFileBytes } = ctx.profile.limits
  if (cmd.form === 'test') return replyOk(`+CCERTDOWN: (${names.min}-${names.max}),(1-${certFileBytes})`)
  const name = readString(cmd, 0)
  const length = readInt(cmd, 1, 1, certFileBytes)
  if (cmd.form !== 'write' || name === undefined || length === undefined || !hasArgCount(cmd, 2, 2)) return replyError()
  if (name.length < names.min || name.length > names.max) return replyError()
  return replyPrompt(length, data => {
    ctx.files.set(name, Buffer.from(data))
    return replyOk()
  })
}

function listCertificates(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  if (cmd.form !== 'exec') return replyError()
  return replyOk(...[...ctx.files.keys()].map(name => `+CCERTLIST: "${name}"`))
}

function deleteCertificate(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  const name = readString(cmd, 0)
  if (cmd.form !== 'write' || name === undefined || !hasArgCount(cmd, 1, 1)) return replyError()
  return ctx.files.delete(name) ? replyOk() : replyError()
}

export const SSL_HANDLERS: HandlerTable = {
  '+CSSLCFG': configureSsl,
  '+CCERTDOWN': downloadCertificate,
  '+CCERTLIST': listCertificates,
  '+CCERTDELE': deleteCertificate,
}

/**
 * Meanings of the result codes a modem reports, so a failure reads
 * "got `+CMQTTCONNECT: 0,32` ...: 32 = handshake failed" instead of a bare number. Only parameters the
 * family marks as result codes are explained: a length or an index never is.
 */
import { CME_ERROR_TEXTS } from './cme-error.js'
import { CMS_ERROR_TEXTS } from './cms-error.js'
import type { ModemFamily } from './modem-family.js'

const CME_LINE = /^\+CME ERROR: (\d+)$/
const CMS_LINE = /^\+CMS ERROR: (\d+)$/
const LINE = /^(\+[A-Z0-9_]+): ?(.*)$/

/** The meaning of the code in a result line (`+CMQTTCONNECT: 0,32`, `+CME ERROR: 10`, `+CMS ERROR: 322`), if it is known. */
export function explainResultLine(line: string, family: ModemFamily): string | undefined {
  const text = line.trim()
  const cme = CME_LINE.exec(text)
  if (cme) return describe(Number(cme[1]), CME_ERROR_TEXTS[Number(cme[1])])
  const cms = CMS_LINE.exec(text)
  if (cms) return describe(Number(cms[1]), CMS_ERROR_TEXTS[Number(cms[1])])
  const parts = LINE.exec(text)
  if (!parts) return undefined
  const params = (parts[2] ?? '').split(',').map(param => param.trim())
  const rule = family.resultCodes.find(candidate => candidate.name === parts[1] && candidate.params === params.length)
  const code = rule === undefined ? undefined : params[rule.codeParam]
  if (rule === undefined || code === undefined || !/^-?\d+$/.test(code)) return undefined
  return describe(Number(code), rule.meanings[Number(code)])
}

function describe(code: number, meaning: string | undefined): string | undefined {
  return meaning === undefined ? undefined : `${code} = ${meaning}`
}

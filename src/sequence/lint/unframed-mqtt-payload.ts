import { warningAt, type Diagnostic } from '../../model/diagnostic.js'
import type { Step, Template } from '../../model/sequence.js'
import { listSteps, nameStep, type LintContext } from './lint-context.js'
import { findSending } from './prompt-data.js'

const SUBSCRIBE = /^AT\+QMTSUB=(\d+),/i
const LENGTH_ON = /^AT\+QMTCFG="recv\/mode",(\d+),[01],1$/i
const PUBLISH = /^AT\+QMTPUB(EX)?=/i

/**
 * `unframed-mqtt-payload`: a Quectel client subscribes without `AT+QMTCFG="recv/mode",<idx>,<mode>,1` and a payload
 * holding CR or LF is published. +QMTRECV then prints the payload raw with nothing that says where it ends, so its
 * line ends split it and an `OK` inside it can end a running command.
 */
export function lintUnframedMqttPayload(ctx: LintContext): Diagnostic[] {
  const entries = listSteps(ctx.sequence)
  const commands = entries.flatMap(({ step }) => (step.action.kind === 'send' ? [step.action.command.text.trim()] : []))
  const withLength = new Set(commands.flatMap(command => LENGTH_ON.exec(command)?.[1] ?? []))
  const unframed = commands.flatMap(command => SUBSCRIBE.exec(command)?.[1] ?? []).filter(idx => !withLength.has(idx))
  if (unframed.length === 0) return []
  return entries.flatMap((entry, i) => {
    const previous = findSending(entries, i, -1)
    const payload = readPublishedPayload(entry.step, previous?.step)
    if (payload === undefined || !/[\r\n]/.test(expandVars(payload.text, ctx.vars))) return []
    return [
      warningAt(
        payload.at,
        'unframed-mqtt-payload',
        `${nameStep(entry.phase, entry.step)}: publishes a payload holding CR or LF to a client whose +QMTRECV gives no length (client ${unframed.join(', ')})`,
        `send AT+QMTCFG="recv/mode",${unframed[0]},0,1 before AT+QMTOPEN, so the payload is read by its length`,
      ),
    ]
  })
}

/** The payload a step publishes: the broker's message, or the data after AT+QMTPUB / AT+QMTPUBEX. */
function readPublishedPayload(step: Step, previous: Step | undefined): Template | undefined {
  if (step.action.kind === 'publish') return step.action.message.payload
  const isAfterPublish = previous?.action.kind === 'send' && PUBLISH.test(previous.action.command.text.trim())
  return step.action.kind === 'data' && step.action.encoding === 'text' && isAfterPublish ? step.action.data : undefined
}

function expandVars(text: string, vars: Record<string, string>): string {
  return text.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, name: string) => vars[name] ?? whole)
}

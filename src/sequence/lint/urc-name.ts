import { warningAt, type Diagnostic } from '../diagnostic.js'
import type { LineMatcher, Step } from '../model.js'
import { parseCommandText, readResponseName } from './at-command-text.js'
import { listSteps, nameStep, type LintContext } from './lint-context.js'

/** Commands whose information responses and URCs carry their own name (`+CMQTTSUB: 0,0` answers AT+CMQTTSUB). */
const KNOWN_COMMANDS = new Set([
  'CMQTTSTART', 'CMQTTSTOP', 'CMQTTACCQ', 'CMQTTREL', 'CMQTTSSLCFG', 'CMQTTWILLTOPIC', 'CMQTTWILLMSG', 'CMQTTDELWILL',
  'CMQTTUNSUB', 'CMQTTSUB', 'CMQTTSUBTOPIC', 'CMQTTUNSUBTOPIC', 'CMQTTTOPIC', 'CMQTTPAYLOAD', 'CMQTTPUB', 'CMQTTCONNECT',
  'CMQTTDISC', 'CMQTTCFG', 'CSQ', 'CREG', 'CGREG', 'CEREG', 'CGACT', 'CGDCONT', 'CSSLCFG', 'CCERTLIST', 'CGMR', 'CPSI',
  'CGATT', 'CGPADDR', 'COPS',
])

/** Lines that arrive on their own, whatever command is running. */
const UNSOLICITED_ONLY = new Set([
  'CMQTTRXSTART', 'CMQTTRXTOPIC', 'CMQTTRXPAYLOAD', 'CMQTTRXEND', 'CMQTTCONNLOST', 'CMQTTNONET', 'CMQTTPING', 'CMQTTNOCONN', 'CPIN',
])

/** `urc-name-mismatch`: a step expects `+NAME...` of another command (the seed's row 12 sends AT+CMQTTUNSUB and expects +CMQTTSUB: 0,0). */
export function lintUrcName(ctx: LintContext): Diagnostic[] {
  const entries = listSteps(ctx.sequence)
  const sent = new Set(entries.flatMap(e => e.step.action.kind === 'send' ? [parseCommandText(e.step.action.command.text)?.name ?? ''] : []))
  const warnings: Diagnostic[] = []
  let lastCommand: string | undefined
  for (const { phase, step } of entries) {
    if (step.action.kind === 'send') lastCommand = parseCommandText(step.action.command.text)?.name
    else if (step.action.kind !== 'data') lastCommand = undefined
    if (lastCommand === undefined || (step.action.kind !== 'send' && step.action.kind !== 'data')) continue
    for (const line of [...step.expect, ...step.urcs]) {
      const name = readMatcherName(line)
      if (name === undefined || name === lastCommand || UNSOLICITED_ONLY.has(name) || !(KNOWN_COMMANDS.has(name) || sent.has(name))) continue
      warnings.push(warningAt(locateMatcher(line), 'urc-name-mismatch',
        `${nameStep(phase, step)}: expects +${name} but the command is AT+${lastCommand}`,
        `AT+${lastCommand} answers with +${lastCommand}; check the command or the expected line`))
    }
  }
  return warnings
}

function readMatcherName(matcher: LineMatcher): string | undefined {
  if (matcher.kind === 'absent') return undefined
  if (matcher.kind === 'exact') return readResponseName(matcher.text.text)
  return readResponseName(matcher.pattern.text.replace(/^\^/, '').replace(/^\\\+/, '+'))
}

function locateMatcher(matcher: LineMatcher): Step['at'] {
  if (matcher.kind === 'absent') return locateMatcher(matcher.matcher)
  return matcher.kind === 'exact' ? matcher.text.at : matcher.pattern.at
}

import { warningAt, type Diagnostic } from '../../model/diagnostic.js'
import type { LineMatcher, Step } from '../../model/sequence.js'
import { readResponseName, resultUrcNameOf } from '../../modem/at-command-line.js'
import { listSteps, nameStep, type LintContext } from './lint-context.js'

/** `urc-name-mismatch`: a step expects `+NAME...` of another command (the seed's row 12 sends AT+CMQTTUNSUB and expects +CMQTTSUB: 0,0). */
export function lintUrcName(ctx: LintContext): Diagnostic[] {
  const entries = listSteps(ctx.sequence)
  const sent = new Set(entries.flatMap(e => (e.step.action.kind === 'send' ? [resultUrcNameOf(e.step.action.command.text) ?? ''] : [])))
  const warnings: Diagnostic[] = []
  let lastCommand: string | undefined
  for (const { phase, step } of entries) {
    if (step.action.kind === 'send') lastCommand = resultUrcNameOf(step.action.command.text)
    else if (step.action.kind !== 'data') lastCommand = undefined
    if (lastCommand === undefined || (step.action.kind !== 'send' && step.action.kind !== 'data')) continue
    for (const line of [...step.expect, ...step.urcs]) {
      const name = readMatcherName(line)
      if (
        name === undefined ||
        name === lastCommand ||
        ctx.vocabulary.unsolicitedOnly.has(name) ||
        !(ctx.vocabulary.commands.has(name) || sent.has(name))
      )
        continue
      warnings.push(
        warningAt(
          locateMatcher(line),
          'urc-name-mismatch',
          `${nameStep(phase, step)}: expects ${name} but the command is AT${lastCommand}`,
          `AT${lastCommand} answers with ${lastCommand}; check the command or the expected line`,
        ),
      )
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

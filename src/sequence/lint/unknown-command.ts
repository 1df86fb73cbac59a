import { warningAt, type Diagnostic } from '../../model/diagnostic.js'
import { parseAtCommand } from '../../modem/at-command-line.js'
import { findModemFamily } from '../../modem/families/index.js'
import { suggestClosest } from '../suggest.js'
import { listSteps, nameStep, type LintContext } from './lint-context.js'

/**
 * `unknown-command`: a `+NAME` command the modem vocabulary does not hold. Where a known name is a likely
 * typo of it (`AT+CFTPSSTAR`) it says which; without one it warns only when `device:` names a family other than
 * the generic one, since a generic modem's own commands are unknown to atseq by nature.
 */
export function lintUnknownCommand(ctx: LintContext): Diagnostic[] {
  const known = [...ctx.vocabulary.commands.keys()]
  const family = ctx.sequence.device === undefined ? undefined : findModemFamily(ctx.sequence.device)
  const isVocabularyComplete = family !== undefined && family.name !== 'generic'
  return listSteps(ctx.sequence).flatMap(({ phase, step }) => {
    if (step.action.kind !== 'send') return []
    const name = parseAtCommand(step.action.command.text.trim())?.name
    if (name === undefined || !name.startsWith('+') || ctx.vocabulary.commands.has(name)) return []
    const suggestion = suggestClosest(name, known)
    if (suggestion === undefined && !isVocabularyComplete) return []
    return [
      warningAt(
        step.action.command.at,
        'unknown-command',
        `${nameStep(phase, step)}: AT${name} is not a command ${family?.name ?? 'atseq'} modems are known to take`,
        suggestion === undefined ? 'check the command name against the AT manual' : `did you mean AT${suggestion}?`,
      ),
    ]
  })
}

import { warningAt, type Diagnostic } from '../../model/diagnostic.js'
import { locateInTemplate } from '../locate-in-template.js'
import { listSteps, nameStep, type LintContext } from './lint-context.js'

const CURLY_QUOTES = /[\u201C\u201D\u2018\u2019\u201E\u00AB\u00BB]/

/** `non-ascii-command`: curly quotes or other characters outside printable ASCII inside an AT command. */
export function lintNonAsciiCommand(ctx: LintContext): Diagnostic[] {
  const warnings: Diagnostic[] = []
  for (const { phase, step } of listSteps(ctx.sequence)) {
    if (step.action.kind !== 'send') continue
    const text = step.action.command.text
    // Everything before the first such character is printable ASCII, so its index counts UTF-16 units too.
    const index = [...text].findIndex(c => c < ' ' || c > '~')
    if (index < 0) continue
    const char = [...text][index]!
    const code = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
    const curly = CURLY_QUOTES.test(char)
    warnings.push(
      warningAt(
        locateInTemplate(step.action.command, index),
        'non-ascii-command',
        `${nameStep(phase, step)}: the command contains ${curly ? 'a curly quote' : 'a non-ASCII character'} ${char} (U+${code}); modems only take ASCII`,
        curly ? 'use straight double quotes "' : 'put the text in a variable sent at a > prompt, or remove it',
      ),
    )
  }
  return warnings
}

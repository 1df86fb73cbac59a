/**
 * Lifts every credential a recorded session shows out of the draft's steps: the parameters the modem
 * vocabulary marks as credentials, the user info of URLs, and private keys become `{{name}}` references to
 * vars marked secret, whose values the draft never holds (they are given with `--secret-var` at run time).
 */
import { parseAtCommand, type AtArg } from '../modem/at-command-line.js'
import { listCredentialParams } from '../modem/families/index.js'
import type { DraftStep } from './draft-steps.js'

const URL_USER_INFO = /^([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@]+)@/i
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----|-----END [A-Z ]*PRIVATE KEY-----/

/** The steps with credentials replaced by secret var references, and the names of those vars in order. */
export function liftDraftSecrets(steps: readonly DraftStep[]): { steps: DraftStep[]; secretNames: string[] } {
  const names = new SecretNames()
  const lifted = steps.map(step => {
    if (step.action.kind === 'data') {
      if (!PRIVATE_KEY.test(step.action.data)) return step
      return { ...step, action: { ...step.action, data: `{{${names.claim('private_key', step.action.data)}}}`, isTemplate: true } }
    }
    const command = liftCommand(step.action.command, names)
    return command === undefined ? step : { ...step, action: { kind: 'send' as const, command, isTemplate: true } }
  })
  return { steps: lifted, secretNames: names.list() }
}

// The command line as a template with its credentials lifted; undefined when it holds none.
function liftCommand(line: string, names: SecretNames): string | undefined {
  const command = parseAtCommand(line)
  if (command === undefined || command.form !== 'write') return undefined
  const lifted = new Map<number, string>()
  for (const rule of listCredentialParams()) {
    if (rule.name !== command.name) continue
    if (rule.when !== undefined && command.args[rule.when.param]?.text.toLowerCase() !== rule.when.equals.toLowerCase()) continue
    rule.params.forEach((index, i) => {
      const arg = command.args[index]
      if (arg !== undefined && arg.text !== '') lifted.set(index, `{{${names.claim(rule.varNames[i] ?? 'credential', arg.text)}}}`)
    })
  }
  command.args.forEach((arg, index) => {
    const userInfo = URL_USER_INFO.exec(arg.text)
    if (userInfo && !lifted.has(index))
      lifted.set(
        index,
        `${userInfo[1]}{{${names.claim('url_credentials', userInfo[2] ?? '')}}}@${escapeBraces(arg.text.slice(userInfo[0].length))}`,
      )
  })
  if (lifted.size === 0) return undefined
  const args = command.args.map((arg, index) => writeArg(arg, lifted.get(index)))
  return `${line.slice(0, 2)}${command.name}=${args.join(',')}`
}

function writeArg(arg: AtArg, template: string | undefined): string {
  const text = template ?? escapeBraces(arg.text)
  return arg.quoted ? `"${text}"` : text
}

function escapeBraces(text: string): string {
  return text.replace(/\{\{/g, '\\{{')
}

/** One var per distinct value; a second value for the same name gets `_2`, `_3`... */
class SecretNames {
  private readonly byValue = new Map<string, string>()

  claim(base: string, value: string): string {
    const known = this.byValue.get(value)
    if (known !== undefined) return known
    const taken = new Set(this.byValue.values())
    let name = base
    for (let n = 2; taken.has(name); n += 1) name = `${base}_${n}`
    this.byValue.set(value, name)
    return name
  }

  list(): string[] {
    return [...this.byValue.values()]
  }
}

import Handlebars from 'handlebars'
import { errorAt, type Diagnostic } from '../model/diagnostic.js'
import type { SourceLocation, Template } from '../model/sequence.js'
import { locateInTemplate, offsetInText } from './locate-in-template.js'

/** What a template can see: the sequence's variables (file, suite, `--var`, captures) and, only as `{{env.NAME}}`, the environment. */
export interface TemplateScope {
  vars: Record<string, string>
  env?: NodeJS.ProcessEnv
}

/** A template could not be rendered (undefined variable, bad expression); carries a located diagnostic. */
export class TemplateError extends Error {
  readonly diagnostic: Diagnostic
  constructor(diagnostic: Diagnostic) {
    super(diagnostic.message)
    this.name = 'TemplateError'
    this.diagnostic = diagnostic
  }
}

/** A variable a template reads: a sequence variable, or an environment variable written `env.NAME`. */
export interface TemplateVariable {
  name: string
  source: 'vars' | 'env'
  at: SourceLocation
  /** Where the `{{` of the expression that reads it is written. */
  expressionAt: SourceLocation
}

/** Helpers available in templates; each takes one value. */
export const TEMPLATE_HELPERS: Record<string, (value: unknown) => string> = {
  /** UTF-8 byte length, as AT prompt commands count it. */
  len: value => String(Buffer.byteLength(String(value), 'utf8')),
  /** UTF-8 bytes as upper-case hex. */
  hex: value => Buffer.from(String(value), 'utf8').toString('hex').toUpperCase(),
  upper: value => String(value).toUpperCase(),
  lower: value => String(value).toLowerCase(),
  /** An AT string parameter: in double quotes, with `"` and `\` written as the \HH escapes of 3GPP TS 27.007. */
  quote: value => `"${String(value).replace(/\\/g, '\\5C').replace(/"/g, '\\22')}"`,
}

interface CompiledTemplate {
  render: (scope: TemplateScope) => string
  variables: Array<{ name: string; source: 'vars' | 'env'; line: number; column: number; expression: { line: number; column: number } }>
}

type CompileOutcome = { kind: 'compiled'; template: CompiledTemplate } | { kind: 'invalid'; message: string; line: number; column: number }

const handlebars = createHandlebars()
/**
 * The helpers the compiler may call: ours only. Handlebars' built-ins (`log`, `lookup`, `if`, `each`...) are marked
 * unknown, so a variable of that name (`{{log}}`) is a variable in every template, not only in those without a helper.
 */
const KNOWN_HELPERS: Record<string, boolean> = Object.fromEntries(
  Object.keys(handlebars.helpers).map(name => [name, Object.hasOwn(TEMPLATE_HELPERS, name)]),
)
const cache = new Map<string, CompileOutcome>()

/** True when the text holds `{{ }}` expressions. */
export function hasExpressions(text: string): boolean {
  return text.includes('{{')
}

/** Checks a template's syntax and that it only uses variables and the known helpers; undefined when it is fine. */
export function checkTemplate(t: Template): Diagnostic | undefined {
  if (!hasExpressions(t.text)) return undefined
  const outcome = compileTemplate(t.text)
  if (outcome.kind === 'compiled') return undefined
  return errorAt(shiftLocation(t, outcome.line, outcome.column), 'bad-template', `template '${t.text}': ${outcome.message}`)
}

/** The names a (valid) template reads, without where: what most checks ask, answered from the compiled template as it is. */
export function listTemplateNames(t: Template): ReadonlyArray<Pick<TemplateVariable, 'name' | 'source'>> {
  if (!hasExpressions(t.text)) return []
  const outcome = compileTemplate(t.text)
  return outcome.kind === 'compiled' ? outcome.template.variables : []
}

/** The variables a (valid) template reads, with where each is written. */
export function listTemplateVariables(t: Template): TemplateVariable[] {
  if (!hasExpressions(t.text)) return []
  const outcome = compileTemplate(t.text)
  if (outcome.kind !== 'compiled') return []
  return outcome.template.variables.map(v => ({
    name: v.name,
    source: v.source,
    at: shiftLocation(t, v.line, v.column),
    expressionAt: shiftLocation(t, v.expression.line, v.expression.column),
  }))
}

/**
 * Renders a template against a scope. Throws a `TemplateError` for a bad expression or an undefined variable:
 * an undefined name never renders as an empty string. Each distinct text is compiled once.
 */
export function renderTemplate(t: Template, scope: TemplateScope): string {
  if (!hasExpressions(t.text)) return t.text
  const outcome = compileTemplate(t.text)
  if (outcome.kind === 'invalid') throw new TemplateError(checkTemplate(t)!)
  for (const v of outcome.template.variables) {
    const defined = v.source === 'env' ? scope.env?.[v.name] !== undefined : Object.hasOwn(scope.vars, v.name)
    if (!defined) throw new TemplateError(describeUndefined(t, v))
  }
  return outcome.template.render(scope)
}

function describeUndefined(t: Template, v: CompiledTemplate['variables'][number]): Diagnostic {
  const at = shiftLocation(t, v.line, v.column)
  return v.source === 'env'
    ? errorAt(at, 'undefined-env', `environment variable '${v.name}' is not set`, `set it before running, e.g. ${v.name}=... atseq run`)
    : errorAt(
        at,
        'undefined-variable',
        `variable '${v.name}' is not defined`,
        `define it under vars:, pass --var ${v.name}=..., or capture it with a (?<${v.name}>...) group in an earlier step`,
      )
}

function compileTemplate(text: string): CompileOutcome {
  let outcome = cache.get(text)
  if (outcome === undefined) {
    outcome = parseTemplate(text)
    cache.set(text, outcome)
  }
  return outcome
}

function parseTemplate(text: string): CompileOutcome {
  let program: hbs.AST.Program
  try {
    program = handlebars.parse(text)
  } catch {
    return describeParseError(text)
  }
  const variables: CompiledTemplate['variables'] = []
  const problem = collectVariables(program, variables)
  if (problem !== undefined) return problem
  return { kind: 'compiled', template: { render: plainRenderer(program) ?? compileRenderer(text), variables } }
}

function compileRenderer(text: string): CompiledTemplate['render'] {
  const render = handlebars.compile(text, { strict: true, noEscape: true, knownHelpers: KNOWN_HELPERS, knownHelpersOnly: true })
  return scope => render({ ...scope.vars, env: { ...scope.env } })
}

type PlainPart = string | { name: string; source: 'vars' | 'env' }

/**
 * A template of text and `{{name}}` / `{{env.NAME}}` only (no helper, no literal) renders as its parts joined: what
 * Handlebars gives for string values (its parse has already applied whitespace control, comments and `\{{`), at a
 * fraction of the cost of its runtime, which every `send:` line of every file paid at validate. Undefined for any
 * other template, which Handlebars renders.
 */
function plainRenderer(program: hbs.AST.Program): CompiledTemplate['render'] | undefined {
  const parts: PlainPart[] = []
  for (const statement of program.body) {
    if (statement.type === 'ContentStatement') parts.push((statement as hbs.AST.ContentStatement).value)
    else if (statement.type === 'MustacheStatement') {
      const { path, params } = statement as hbs.AST.MustacheStatement
      if (path.type !== 'PathExpression' || params.length > 0) return undefined
      const names = (path as hbs.AST.PathExpression).parts
      parts.push(names.length === 2 ? { name: names[1]!, source: 'env' } : { name: names[0]!, source: 'vars' })
    }
  }
  return scope => {
    let text = ''
    for (const part of parts) {
      if (typeof part === 'string') text += part
      else text += (part.source === 'env' ? scope.env?.[part.name] : scope.vars[part.name]) ?? ''
    }
    return text
  }
}

function collectVariables(
  program: hbs.AST.Program,
  into: CompiledTemplate['variables'],
): Extract<CompileOutcome, { kind: 'invalid' }> | undefined {
  for (const statement of program.body) {
    if (statement.type === 'ContentStatement' || statement.type === 'CommentStatement') continue
    if (statement.type !== 'MustacheStatement')
      return invalid(statement, 'only {{name}} and {{helper value}} expressions are allowed (no blocks or partials)')
    const found: CompiledTemplate['variables'] = []
    const problem = collectExpression(statement as hbs.AST.MustacheStatement, found)
    if (problem !== undefined) return problem
    const expression = { line: statement.loc.start.line, column: statement.loc.start.column }
    into.push(...found.map(v => ({ ...v, expression })))
  }
  return undefined
}

function collectExpression(
  node: hbs.AST.MustacheStatement | hbs.AST.SubExpression,
  into: CompiledTemplate['variables'],
): Extract<CompileOutcome, { kind: 'invalid' }> | undefined {
  if (node.hash !== undefined && node.hash.pairs.length > 0) return invalid(node, 'key=value arguments are not supported')
  const path = node.path
  if (path.type !== 'PathExpression')
    return invalid(
      node,
      node.params.length === 0 ? 'a literal is not a variable: write its text without {{ }}' : 'a literal cannot be called as a helper',
    )
  const name = (path as hbs.AST.PathExpression).original
  if (node.params.length === 0) return collectPath(path as hbs.AST.PathExpression, into)
  if (!Object.hasOwn(TEMPLATE_HELPERS, name))
    return invalid(node, `unknown helper '${name}' (known: ${Object.keys(TEMPLATE_HELPERS).join(', ')})`)
  if (node.params.length !== 1) return invalid(node, `helper '${name}' takes exactly one value`)
  const param = node.params[0]!
  if (param.type === 'SubExpression') return collectExpression(param as hbs.AST.SubExpression, into)
  if (param.type === 'PathExpression') return collectPath(param as hbs.AST.PathExpression, into)
  return undefined
}

function collectPath(
  path: hbs.AST.PathExpression,
  into: CompiledTemplate['variables'],
): Extract<CompileOutcome, { kind: 'invalid' }> | undefined {
  const position = { line: path.loc.start.line, column: path.loc.start.column }
  if (Object.hasOwn(TEMPLATE_HELPERS, path.original))
    return invalid(path, `helper '${path.original}' needs a value, e.g. {{${path.original} topic}}`)
  if (path.data || path.depth > 0 || path.parts.length === 0) return invalid(path, `'${path.original}' is not a variable name`)
  if (path.parts[0] === 'env') {
    if (path.parts.length !== 2) return invalid(path, 'write environment variables as env.NAME')
    into.push({ name: path.parts[1]!, source: 'env', ...position, expression: position })
    return undefined
  }
  if (path.parts.length !== 1) return invalid(path, `'${path.original}': variables are plain text and have no fields`)
  into.push({ name: path.parts[0]!, source: 'vars', ...position, expression: position })
  return undefined
}

function invalid(node: hbs.AST.Node, message: string): Extract<CompileOutcome, { kind: 'invalid' }> {
  return { kind: 'invalid', message, line: node.loc.start.line, column: node.loc.start.column }
}

/**
 * What is wrong with a template Handlebars cannot parse. Its parser reports an unclosed `{{client` as an invalid
 * token, like any other, so an unclosed expression is found in the text: a `{{` with no `}}` after it.
 */
function describeParseError(text: string): Extract<CompileOutcome, { kind: 'invalid' }> {
  const open = text.lastIndexOf('{{')
  if (open < 0 || text.includes('}}', open))
    return { kind: 'invalid', message: 'the {{ }} expression is not well formed', line: 1, column: 0 }
  // Line 1 with the offset as its column: shiftLocation reads that as the offset itself, whatever lines come before.
  return { kind: 'invalid', message: 'a {{ expression is not closed with }}', line: 1, column: open }
}

/** Where a line/column of the template text, as Handlebars reports it, is written in the file. */
function shiftLocation(t: Template, line: number, column: number): SourceLocation {
  return locateInTemplate(t, offsetInText(t.text, line, column))
}

function createHandlebars(): typeof Handlebars {
  const instance = Handlebars.create()
  for (const [name, helper] of Object.entries(TEMPLATE_HELPERS)) instance.registerHelper(name, (value: unknown) => helper(value))
  return instance
}

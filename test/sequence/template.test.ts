import t from 'tap'
import { checkTemplate, listTemplateVariables, renderTemplate, TemplateError, type Template } from '../../src/sequence/index.js'

const at = { file: 'x.yaml', line: 7, col: 11 }
const tpl = (text: string): Template => ({ text, at })
const vars = { client: '0', topic: '0123456789', korean: '한국', name: 'Ab', text: 'say "hi" \\ bye' }

function renderError(text: string, env?: NodeJS.ProcessEnv): TemplateError {
  try {
    renderTemplate(tpl(text), { vars, ...(env ? { env } : {}) })
  } catch (error) {
    if (error instanceof TemplateError) return error
    throw error
  }
  throw new Error(`'${text}' rendered`)
}

t.test('variables and helpers', async t => {
  t.equal(renderTemplate(tpl('AT+CMQTTTOPIC={{client}},{{len topic}}'), { vars }), 'AT+CMQTTTOPIC=0,10')
  t.equal(renderTemplate(tpl('{{len korean}}'), { vars }), '6', 'len counts UTF-8 bytes (a Korean syllable is 3)')
  t.equal(renderTemplate(tpl('{{hex name}}'), { vars }), '4162')
  t.equal(renderTemplate(tpl('{{upper name}}{{lower name}}'), { vars }), 'ABab')
  t.equal(renderTemplate(tpl('{{quote text}}'), { vars }), '"say \\22hi\\22 \\5C bye"')
  t.equal(renderTemplate(tpl('{{len (hex name)}}'), { vars }), '4', 'helpers nest')
  t.equal(renderTemplate(tpl('{{len "abc"}}'), { vars }), '3', 'literals are allowed')
  t.equal(renderTemplate(tpl('<{{text}}>'), { vars }), '<say "hi" \\ bye>', 'no HTML escaping')
  t.equal(renderTemplate(tpl('plain AT'), { vars: {} }), 'plain AT')
})

t.test('an undefined variable is an error with its location, never an empty string', async t => {
  const plain = renderError('AT+X={{missing}}')
  t.match(plain.diagnostic, { code: 'undefined-variable', severity: 'error', at: { file: 'x.yaml', line: 7, col: 11 + 7 } })
  t.match(renderError('{{len missing}}').diagnostic, { code: 'undefined-variable', at: { col: 11 + 6 } }, 'also as a helper argument')
  t.match(renderError('{{upper (hex missing)}}').diagnostic, { code: 'undefined-variable' })
})

t.test('env.NAME resolves only when written explicitly', async t => {
  const env = { APN: 'internet', client: 'from-env' }
  t.equal(renderTemplate(tpl('{{env.APN}}'), { vars, env }), 'internet')
  t.match(renderError('{{APN}}', env).diagnostic, { code: 'undefined-variable' }, 'a bare name does not read the environment')
  t.equal(renderTemplate(tpl('{{client}}'), { vars, env }), '0', 'vars win over the environment')
  t.match(renderError('{{env.NOPE}}', env).diagnostic, { code: 'undefined-env' })
  t.match(renderError('{{env.APN}}').diagnostic, { code: 'undefined-env' }, 'no env given')
})

t.test('bad expressions are located diagnostics', async t => {
  for (const text of [
    '{{len topic}',
    '{{#if topic}}x{{/if}}',
    '{{> partial}}',
    '{{length topic}}',
    '{{len}}',
    '{{len a b}}',
    '{{../x}}',
    '{{topic.length}}',
    '{{len k=v}}',
  ]) {
    const d = checkTemplate(tpl(text))
    t.match(d, { code: 'bad-template', severity: 'error', at: { file: 'x.yaml', line: 7 } }, text)
    t.throws(() => renderTemplate(tpl(text), { vars }), TemplateError)
  }
  t.equal(checkTemplate(tpl('{{len topic}} {{! a comment }}')), undefined)
})

t.test('listTemplateVariables reports vars and env names with columns', async t => {
  t.same(
    listTemplateVariables(tpl('AT+T={{client}},{{len (upper topic)}},{{env.HOME}}')).map(v => [v.name, v.source, v.at.col]),
    [
      ['client', 'vars', 11 + 7],
      ['topic', 'vars', 11 + 29],
      ['HOME', 'env', 11 + 40],
    ],
  )
})

import t from 'tap'
import { checkTemplate, listTemplateVariables, renderTemplate, TemplateError, type Template } from '../../src/sequence/index.js'
import { listTemplateNames } from '../../src/sequence/template.js'

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
  t.equal(renderError('AT+X={{"missing"}}').diagnostic.code, 'bad-template', 'a literal is not a variable name')
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

t.test('hex writes payload bytes with upper-case digits', async t => {
  t.equal(renderTemplate(tpl('AT+CMQTTPAYLOAD={{hex payload}}'), { vars: { payload: '{"on":1}' } }), 'AT+CMQTTPAYLOAD=7B226F6E223A317D')
})

t.test('env.NAME can be a helper argument too', async t => {
  t.equal(
    renderTemplate(tpl('AT+CGDCONT=1,"IP",{{quote env.APN}},{{len env.APN}}'), { vars, env: { APN: 'internet' } }),
    'AT+CGDCONT=1,"IP","internet",8',
  )
})

t.test('comments render as nothing', async t => {
  t.equal(renderTemplate(tpl('AT+CMQTTACCQ={{client}}{{! the client index }},"atseq"'), { vars }), 'AT+CMQTTACCQ=0,"atseq"')
})

t.test('a variable named like a Handlebars built-in renders its value', async t => {
  t.equal(renderTemplate(tpl('AT+FSOPEN={{log}}'), { vars: { log: 'modem.log' } }), 'AT+FSOPEN=modem.log')
  t.equal(renderTemplate(tpl('{{if}}'), { vars: { if: 'wwan0' } }), 'wwan0')
  const builtIns = { log: 'modem.log', if: 'wwan0', lookup: 'L', each: 'E', with: 'W', unless: 'U' }
  t.equal(renderTemplate(tpl('{{log}} {{len log}}'), { vars: builtIns }), 'modem.log 9', 'also next to a helper')
  t.equal(renderTemplate(tpl('{{if}}{{len if}}{{lookup}}{{upper each}}{{with}}{{lower unless}}'), { vars: builtIns }), 'wwan05LEWu')
})

t.test('an undefined variable is explained, with how to define it', async t => {
  const variable = renderError('AT+X={{missing}}').diagnostic
  const env = renderError('AT+CGDCONT=1,"IP",{{env.APN}}').diagnostic
  t.same(
    [variable, env].map(d => [d.code, d.severity, d.at]),
    [
      ['undefined-variable', 'error', { file: 'x.yaml', line: 7, col: 11 + 7 }],
      ['undefined-env', 'error', { file: 'x.yaml', line: 7, col: 11 + 20 }],
    ],
  )
  t.matchSnapshot([variable, env].map(d => `${d.message} (${d.hint})`).join('\n'), 'what each says and how to define it')
})

t.test('each bad expression says what is wrong, where', async t => {
  const cases: Array<[string, number]> = [
    ['{{#if topic}}x{{/if}}', 5],
    ['{{len k=v}}', 5],
    ['{{"abc" topic}}', 5],
    ['{{"abc"}}', 5],
    ['{{1}}', 5],
    ['{{length topic}}', 5],
    ['{{len a b}}', 5],
    ['{{len}}', 7],
    ['{{../x}}', 7],
    ['{{@index}}', 7],
    ['{{env}}', 7],
    ['{{env.A.B}}', 7],
    ['{{topic.length}}', 7],
    ['{{', 5],
    ['{{client', 5],
    ['{{len topic', 5],
    ['{{len topic}', 5],
    ['{{client}},{{len topic', 16],
    ['{{}}', 0],
    ['{{#if x}}{{/each}}', 0],
  ]
  const messages: string[] = []
  for (const [expression, offset] of cases) {
    const text = `AT+X=${expression}`
    const problem = checkTemplate(tpl(text))
    t.same(
      problem === undefined ? undefined : { code: problem.code, severity: problem.severity, hint: problem.hint, at: problem.at },
      { code: 'bad-template', severity: 'error', hint: undefined, at: { file: 'x.yaml', line: 7, col: 11 + offset } },
      text,
    )
    messages.push(problem?.message ?? '')
  }
  messages.push(checkTemplate(tpl('{{client'))?.message ?? '')
  t.matchSnapshot(messages.join('\n'), 'one sentence per expression')
  t.same(checkTemplate(tpl('AT+X=1,\r{{client'))?.at, { file: 'x.yaml', line: 8, col: 1 }, 'after a lone CR too')
  t.same(
    ['AT+X={{}}', 'AT+X={{client'].map(text => renderError(text).diagnostic.code),
    ['bad-template', 'bad-template'],
    'rendering a bad template throws its diagnostic',
  )
  t.same(checkTemplate(tpl('AT+X=1,\n{{client'))?.at, { file: 'x.yaml', line: 8, col: 1 }, 'an unclosed {{ is shown on its own line')
})

t.test('a template without {{ has no variables', async t => {
  t.same(listTemplateNames(tpl('AT+CSQ')), [])
  t.same(listTemplateVariables(tpl('AT+CSQ')), [])
})

t.test('a bad template lists no variables', async t => {
  t.same(listTemplateNames(tpl('{{#if topic}}{{client}}{{/if}}')), [])
  t.same(listTemplateVariables(tpl('{{#if topic}}{{client}}{{/if}}')), [])
})

t.test('the names a template reads come from its one compilation', async t => {
  const text = 'AT+CMQTTCONNECT={{client}},{{quote env.BROKER}}'
  t.same(
    listTemplateNames(tpl(text)).map(v => [v.name, v.source]),
    [
      ['client', 'vars'],
      ['BROKER', 'env'],
    ],
  )
  t.equal(listTemplateNames(tpl(text)), listTemplateNames(tpl(text)), 'the same list, not compiled again')
})

t.test('each variable is located, and so is the {{ of the expression that reads it', async t => {
  const file = { file: 'x.yaml', line: 7 }
  t.same(listTemplateVariables(tpl('AT+T={{client}},{{len (upper topic)}}')), [
    { name: 'client', source: 'vars', at: { ...file, col: 11 + 7 }, expressionAt: { ...file, col: 11 + 5 } },
    { name: 'topic', source: 'vars', at: { ...file, col: 11 + 29 }, expressionAt: { ...file, col: 11 + 16 } },
  ])
})

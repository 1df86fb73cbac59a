import t from 'tap'
import { formatSeconds, nameTestcase, renderJunitReport } from '../../../src/report/junit/render-junit-report.js'
import { failingRun, hostileRun, interruptedRun, NAMED_RUNS, seedPassRun } from '../fixtures/runs.js'

// A small well-formedness check: tags nest and close, attributes are quoted, no stray `<` or `&`.
function checkWellFormed(xml: string): string[] {
  const problems: string[] = []
  const stack: string[] = []
  const body = xml.replace(/^<\?xml [^?]*\?>\n/, '')
  const token = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w.:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g
  for (const m of body.matchAll(token)) {
    const [, closing, name, , selfClosing, textPart, stray] = m
    if (stray !== undefined) problems.push(`stray < at ${m.index}`)
    else if (textPart !== undefined) {
      if (/&(?!(?:amp|lt|gt|quot|apos|#\d+);)/.test(textPart)) problems.push(`bare & at ${m.index}`)
    } else if (closing === '/') {
      if (stack.pop() !== name) problems.push(`</${name}> does not close the open tag at ${m.index}`)
    } else if (selfClosing !== '/') stack.push(name!)
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`)
  return problems
}

const attributesOf = (xml: string, tag: string): Array<Record<string, string>> =>
  [...xml.matchAll(new RegExp(`<${tag}((?:\\s+[\\w.]+="[^"]*")*)\\s*/?>`, 'g'))].map(m =>
    Object.fromEntries([...(m[1] ?? '').matchAll(/([\w.]+)="([^"]*)"/g)].map(a => [a[1], a[2]])),
  )

t.test('every fixture is well-formed XML without characters XML 1.0 forbids', async t => {
  for (const [name, make] of Object.entries(NAMED_RUNS)) {
    const xml = renderJunitReport([make()])
    t.same(checkWellFormed(xml), [], name)
    t.notMatch(xml, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/, name)
  }
})

t.test('one testsuite per run, one testcase per step, with counts and time in seconds', async t => {
  const runs = [seedPassRun(), failingRun()]
  const xml = renderJunitReport(runs)
  const [root] = attributesOf(xml, 'testsuites')
  t.same(root, {
    name: 'atseq',
    tests: '60',
    failures: '1',
    errors: '0',
    skipped: '15',
    time: formatSeconds(runs[0]!.durationMs + runs[1]!.durationMs),
  })
  const suites = attributesOf(xml, 'testsuite')
  t.equal(suites.length, 2)
  t.same(suites[1], {
    name: 'MQTTS - Not Verify Server',
    tests: '31',
    failures: '1',
    errors: '0',
    skipped: '15',
    time: formatSeconds(runs[1]!.durationMs),
    timestamp: '2025-03-14T09:26:53.589Z',
    file: 'sequences/simcom/mqtts-not-verify-server.yaml',
  })
  const cases = attributesOf(xml, 'testcase')
  t.equal(cases.length, 60)
  const step = runs[0]!.steps[4]!
  t.same(cases[4], {
    name: 's5 Wait for a usable signal',
    classname: 'MQTTS - Not Verify Server',
    time: formatSeconds(step.durationMs),
    file: step.at.file,
    line: String(step.at.line),
  })
})

t.test('failed steps are failures, errored steps errors, skipped steps skipped', async t => {
  const failing = renderJunitReport([failingRun()])
  t.match(
    failing,
    /<testcase name="6 Connect to a MQTT server"[^>]*>\n {6}<failure message="expected `\+CMQTTCONNECT: 0,0`, got `\+CMQTTCONNECT: 0,11` within 30s: 11 = no connection" type="failed">Action: AT\+CMQTTCONNECT=0,"tcp:\/\/127\.0\.0\.1:8883",60,1\nExpected: OK \| urc: \+CMQTTCONNECT: 0,0\nReceived: OK \| \+CMQTTCONNECT: 0,11\n/,
  )
  t.match(failing, /<testcase name="7\.1 Set the topic for the PUBLISH message"[^>]*>\n {6}<skipped\/>\n {4}<\/testcase>/)
  t.equal(failing.match(/<failure /g)?.length, 1)
  t.equal(failing.match(/<skipped\/>/g)?.length, 15)
  const interrupted = renderJunitReport([interruptedRun()])
  t.match(
    interrupted,
    /<testcase name="9 Publish[^>]*>\n {6}<error message="interrupted \(SIGINT\) while waiting for `\+CMQTTPUB: 0,0` after 4\.2s" type="errored">/,
  )
  t.match(interrupted, /<system-err>Interrupted by SIGINT \(Ctrl-C\) during step 9; teardown ran<\/system-err>/)
  t.match(interrupted, /<property name="run.status" value="interrupted"\/>/)
})

t.test("each step's transcript goes to its system-out", async t => {
  const xml = renderJunitReport([seedPassRun()])
  t.match(
    xml,
    /<testcase name="2 Start MQTT service, activate PDP context"[^>]*>\n {6}<system-out>\+\d+\.\d{3} tx {3}AT\+CMQTTSTART\\r\n\+\d+\.\d{3} rx {3}\\r\\nOK\\r\\n\n\+\d+\.\d{3} rx {3}\\r\\n\+CMQTTSTART: 0\\r\\n<\/system-out>/,
  )
})

t.test('hostile text is escaped in names, messages and output', async t => {
  const xml = renderJunitReport([hostileRun()])
  t.match(xml, '<testsuite name="&lt;script&gt;window.__xss=9&lt;/script&gt; MQTTS &amp; &quot;friends&quot;"')
  t.match(xml, '<testcase name="1 &lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;window.__xss=6&lt;/script&gt;"')
  t.match(xml, '\\r\\n+CSUB: B05V02\\x00\\x07\\r\\n', 'NUL and BEL from the modem are shown, not written raw')
  t.match(xml, '<property name="device.revision" value="\\x00rev"/>')
  t.match(xml, 'got `+CMQTTSTART: &lt;style&gt;body{display:none}&lt;/style&gt;`', 'the failure message is escaped')
  t.match(xml, 'garbage\\x00\\x01&lt;ESC&gt;')
})

t.test('a testcase is named by its number and description, else its action', async t => {
  t.equal(
    nameTestcase({ no: '4.1', description: 'Set the topic of the will', action: 'AT+CMQTTWILLTOPIC=0,10' }),
    '4.1 Set the topic of the will',
  )
  t.equal(nameTestcase({ no: '10.2', action: 'data: 123456789 (9 bytes)' }), '10.2 data: 123456789 (9 bytes)')
  t.equal(formatSeconds(1250), '1.250')
})

t.test('the failing run matches its golden JUnit', async t => {
  t.matchSnapshot(renderJunitReport([failingRun()]), 'junit of the failing seed run')
})

t.test('a device that could not be opened is an <error>, not only skipped testcases', async t => {
  const run = failingRun()
  const skipped = run.steps.map(step => ({ ...step, status: 'skipped' as const, failure: undefined, attempts: 0 }))
  const record = {
    ...run,
    status: 'errored' as const,
    exitCode: 3,
    endReason: 'cannot open tcp://127.0.0.1:1',
    steps: skipped,
    counts: { passed: 0, failed: 0, errored: 0, skipped: skipped.length },
  }
  const xml = renderJunitReport([record])
  const [suite] = attributesOf(xml, 'testsuite')
  t.equal(suite?.errors, '1')
  t.equal(suite?.tests, String(skipped.length + 1))
  t.match(xml, /<error message="cannot open tcp:\/\/127\.0\.0\.1:1" type="errored">/)
  t.same(checkWellFormed(xml), [])
})

t.test('a todo step is an <error type="todo">', async t => {
  const run = failingRun()
  const [first, ...rest] = run.steps
  const todo = { ...first!, status: 'errored' as const, failure: { kind: 'todo' as const }, reason: 'row 1 is a todo' }
  const xml = renderJunitReport([{ ...run, steps: [todo, ...rest] }])
  t.match(xml, /<error message="row 1 is a todo" type="todo">/)
})

t.test('a step that passed after retries shows its attempts', async t => {
  const run = seedPassRun()
  const [first, ...rest] = run.steps
  const xml = renderJunitReport([{ ...run, steps: [{ ...first!, attempts: 3 }, ...rest.map(step => ({ ...step, attempts: 1 }))] }])
  t.equal((xml.match(/<property name="attempts" value="3"\/>/g) ?? []).length, 1)
  t.notMatch(xml, /name="attempts" value="1"/)
  t.same(checkWellFormed(xml), [])
})

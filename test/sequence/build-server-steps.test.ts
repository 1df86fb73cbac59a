/** `serve:` and `server:` steps: the shapes the schema accepts, the model they build into, and located errors. */
import t from 'tap'
import { listServerTemplates } from '../../src/sequence/build-server-steps.js'
import { loadSequenceText } from '../../src/sequence/index.js'
import { lintSequence } from '../../src/sequence/lint/lint-sequence.js'

function load(steps: string): ReturnType<typeof loadSequenceText> {
  return loadSequenceText('s.yaml', Buffer.from(`sequence: s\nvars:\n  word: hello\nsteps:\n${steps}`))
}

function codes(steps: string): Array<[string, number, number]> {
  return load(steps).diagnostics.map(d => [d.code, d.at.line, d.at.col])
}

t.test('every serve action of the format builds into the model', async t => {
  const { sequence, diagnostics } = load(`  - no: 1
    serve: { tcp: { send: "{{word}}\\r\\n" } }
    urc: "+CIPRXGET: 1,1"
  - serve: { tls: { close: true } }
  - serve: { udp: { send: { hex: "0d 0a" } } }
  - serve:
      http: { path: /data, status: 201, headers: { x-a: "1" }, body: "..", delay: 2s, redirect: /other, chunked: 512, method: get }
  - serve: { ftp: { file: /pub/a.txt, content: "abc" } }
  - serve: { sms: { from: "+491701234567", text: hi } }
  - serve: { network: drop }
  - serve: { network: restore }
  - serve: { network: { signal: 99 } }
`)
  t.same(diagnostics, [])
  const actions = sequence!.steps.map(step => step.action)
  t.match(actions[0], {
    kind: 'serve',
    serve: { server: 'tcp', kind: 'send', bytes: { encoding: 'text', text: { text: '{{word}}\r\n' } } },
  })
  t.match(actions[0], { serve: { bytes: { text: { at: { line: 6, col: 28 } } } } }, 'the template keeps its location')
  t.match(actions[1], { serve: { server: 'tls', kind: 'close' } })
  t.match(actions[2], { serve: { server: 'udp', kind: 'send', bytes: { encoding: 'hex', text: { text: '0d 0a' } } } })
  t.match(actions[3], {
    serve: {
      kind: 'route',
      route: {
        path: { text: '/data' },
        status: 201,
        headers: { 'x-a': { text: '1' } },
        delayMs: 2000,
        chunkBytes: 512,
        redirect: { text: '/other' },
      },
    },
  })
  t.match(actions[4], { serve: { server: 'ftp', kind: 'file', path: { text: '/pub/a.txt' }, content: { text: 'abc' } } })
  t.match(actions[5], { serve: { server: 'sms', kind: 'deliver', from: { text: '+491701234567' }, text: { text: 'hi' } } })
  t.same(
    actions.slice(6).map(a => (a.kind === 'serve' ? a.serve : undefined)),
    [
      { server: 'network', kind: 'drop' },
      { server: 'network', kind: 'restore' },
      { server: 'network', kind: 'signal', rssi: 99 },
    ],
  )
})

t.test('server checks build next to the action, or alone as a check step', async t => {
  const { sequence, diagnostics } = load(`  - send: AT+CIPSEND=0,5
    server: { tcp: { received: "hello" }, udp: { received: { hex: "0d0a" } } }
  - server:
      http: { method: POST, path: "/^\\\\/post\\\\?id=\\\\d+$/", headers: { Content-Type: text/plain }, body: "{{word}}" }
      ftp: { file: /upload/a.txt, content: "x" }
      sms: { to: "+491701234567", text: hello }
`)
  t.same(diagnostics, [])
  const [send, check] = sequence!.steps
  t.equal(send!.action.kind, 'send')
  t.match(send!.server, [
    { server: 'tcp', kind: 'bytes', received: { encoding: 'text', text: { text: 'hello' } } },
    { server: 'udp', kind: 'bytes', received: { encoding: 'hex', text: { text: '0d0a' } } },
  ])
  t.equal(check!.action.kind, 'check')
  t.match(check!.server, [
    { server: 'http', kind: 'request', method: { text: 'POST' }, path: { kind: 'regex', pattern: { text: '^\\/post\\?id=\\d+$' } } },
    { server: 'ftp', kind: 'file', file: { text: '/upload/a.txt' }, content: { text: 'x' } },
    { server: 'sms', kind: 'message', to: { text: '+491701234567' }, text: { text: 'hello' } },
  ])
  t.match(check!.server?.[0], { headers: { 'Content-Type': { text: 'text/plain' } }, body: { text: '{{word}}' } })
})

t.test('wrong shapes are located errors', async t => {
  t.same(codes(`  - server: { tpc: { received: x } }\n`), [['unknown-key', 5, 15]], 'an unknown server under server:')
  t.same(codes(`  - serve: { telnet: { send: x } }\n`), [['unknown-key', 5, 14]], 'an unknown server under serve:')
  t.same(codes(`  - server: { network: drop }\n`), [['unknown-key', 5, 15]], 'the network receives nothing a check could see')
  t.same(
    codes(`  - serve: { tcp: { send: x }, udp: { send: y } }\n`).map(c => c[0]),
    ['schema'],
    'one server acts per step',
  )
  t.same(
    codes(`  - serve: { tcp: { received: x } }\n`).map(c => c[0]),
    ['unknown-key'],
    'received belongs under server:',
  )
  t.same(
    codes(`  - server: { tcp: { send: x } }\n`).map(c => c[0]),
    ['missing-key', 'unknown-key'],
    'send belongs under serve:',
  )
  t.same(codes(`  - serve: { network: dorp }\n`), [['bad-value', 5, 23]])
  t.same(codes(`  - serve: { network: { signal: 40 } }\n`), [['bad-value', 5, 33]])
  t.same(codes(`  - serve: { http: { path: /x, delay: soon } }\n`), [['bad-duration', 5, 39]])
  t.same(codes(`  - serve: { http: { path: /x, delay: 1500m } }\n`), [['duration-out-of-range', 5, 39]])
  t.same(codes(`  - serve: { udp: { send: { hex: "0g" } } }\n`), [['bad-hex', 5, 35]])
  t.same(codes(`  - server: { http: { path: "/(?=a)/" } }\n`), [['regex-unsupported', 5, 31]])
  t.same(
    codes(`  - serve: { ftp: { file: /a } }\n`).map(c => c[0]),
    ['missing-key'],
  )
  t.same(
    codes(`  - serve: { tcp: { send: x } }\n    send: AT\n`).map(c => c[0]),
    ['step-action'],
    'serve is an action',
  )
  t.same(
    codes(`  - serve: { tcp: { send: "{{nope" } }\n`).map(c => c[0]),
    ['bad-template'],
  )
})

t.test('lint sees the templates of server steps and counts a server check as an expectation', async t => {
  const { sequence } = load(`  - send: AT+CIPSEND=0,5
    server: { tcp: { received: "{{missing}}" } }
  - serve: { sms: { from: "{{sender}}", text: hi } }
`)
  const warnings = lintSequence(sequence!, { vars: { word: 'hello' } }).map(d => d.code)
  t.same(warnings.sort(), ['undefined-variable', 'undefined-variable'])
})

t.test('a server check keeps only the keys written, and an exact path is a plain line', async t => {
  const { sequence, diagnostics } = load(`  - server:
      http: { path: /upload }
      sms: { text: hello }
  - server:
      http: { method: PUT }
      sms: { to: "+491701234567" }
`)
  t.same(diagnostics, [])
  t.same(
    sequence!.steps[0]!.server!.map(check => check.at),
    [
      { file: 's.yaml', line: 6, col: 13 },
      { file: 's.yaml', line: 7, col: 12 },
    ],
    'each check is located where what it checks for is written',
  )
  const checks = sequence!.steps.map(step =>
    JSON.parse(JSON.stringify(step.server, (key, value: unknown) => (key === 'at' ? undefined : value))),
  )
  t.same(checks, [
    [
      { server: 'http', kind: 'request', path: { kind: 'exact', text: { text: '/upload' } }, headers: {} },
      { server: 'sms', kind: 'message', text: { text: 'hello' } },
    ],
    [
      { server: 'http', kind: 'request', method: { text: 'PUT' }, headers: {} },
      { server: 'sms', kind: 'message', to: { text: '+491701234567' } },
    ],
  ])
})

t.test('hex bytes a server sends or receives are pairs of hex digits, spaces allowed around them', async t => {
  for (const hex of ['0d0a', '0d 0a ', ' 0D 0A', 'ff'])
    t.same(codes(`  - serve: { udp: { send: { hex: "${hex}" } } }\n`), [], `${JSON.stringify(hex)} is hex`)
  for (const hex of ['0d0', 'x0d', '0d zz', '0 d'])
    t.same(
      codes(`  - serve: { udp: { send: { hex: "${hex}" } } }\n`).map(c => c[0]),
      ['bad-hex'],
      `${JSON.stringify(hex)} is not hex`,
    )
  const { diagnostics } = load(`  - no: 3\n    server: { tcp: { received: { hex: "0g" } } }\n`)
  t.same(
    diagnostics.map(d => d.code),
    ['bad-hex'],
  )
  t.matchSnapshot(diagnostics.map(d => `${d.message} (${d.hint})`).join('\n'), 'the message names the step and shows a good value')
})

t.test('lint is given every template of every serve action and server check', async t => {
  const { sequence, diagnostics } = load(`  - serve: { tcp: { send: s1 } }
  - serve: { tls: { close: true } }
  - serve: { http: { path: r1, headers: { h: r2 }, method: r3, body: r4, redirect: r5 } }
  - serve: { http: { path: r6 } }
  - serve: { ftp: { file: f1, content: f2 } }
  - serve: { sms: { from: d1, text: d2 } }
  - serve: { network: drop }
  - server:
      tcp: { received: c1 }
      http: { headers: { h: c2 }, method: c3, path: c4, body: c5 }
      ftp: { file: c6, content: c7 }
      sms: { to: c8, text: c9 }
  - server: { http: { path: "/^c10$/" }, ftp: { file: c11 }, sms: { text: c12 } }
  - server: { http: { method: c13 } }
  - send: AT
`)
  t.same(diagnostics, [])
  t.same(
    sequence!.steps.map(step => listServerTemplates(step).map(template => template.text)),
    [
      ['s1'],
      [],
      ['r1', 'r2', 'r3', 'r4', 'r5'],
      ['r6'],
      ['f1', 'f2'],
      ['d1', 'd2'],
      [],
      ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9'],
      ['^c10$', 'c11', 'c12'],
      ['c13'],
      [],
    ],
  )
})

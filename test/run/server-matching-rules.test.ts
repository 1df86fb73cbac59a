/** The pure rules of `server:` checks: how a check reads in a report, which events it accepts, how an event reads, hex bytes. */
import t from 'tap'
import type { ServerCheck } from '../../src/model/sequence.js'
import type { ServerEvent } from '../../src/model/server-link.js'
import { StepProblem } from '../../src/run/render-step.js'
import type { RunContext } from '../../src/run/run-context.js'
import { renderServerBytes, renderServerCheck, showBytes, summarizeServerEvent } from '../../src/run/server-matching.js'
import { loadSequenceText } from '../../src/sequence/index.js'

const VARS = { id: '7', word: 'hello', bytes: '6869' }

/** Only templating reads the run context here: the variables are all it needs. */
function contextWith(vars: Record<string, string>): RunContext {
  const ctx: Pick<RunContext, 'vars'> = { vars }
  return ctx as RunContext
}

/** The checks of a one-step sequence whose step is `server: <yaml>`, as the YAML loader builds them. */
function checksOf(yaml: string): ServerCheck[] {
  const loaded = loadSequenceText('s.yaml', Buffer.from(`sequence: s\nsteps:\n  - server: ${yaml}\n`))
  if (!loaded.sequence) throw new Error(JSON.stringify(loaded.diagnostics))
  return loaded.sequence.steps[0]!.server!
}

/** The one check of `server: <yaml>`, rendered with `vars`. */
function checkOf(yaml: string, vars: Record<string, string> = VARS): ReturnType<typeof renderServerCheck> {
  const [check] = checksOf(yaml)
  return renderServerCheck(check!, contextWith(vars))
}

/** Does the check accept this one event (a fresh predicate, so nothing seen before counts)? */
function accepts(yaml: string, event: Omit<ServerEvent, 'atMs'>): boolean {
  return checkOf(yaml).createMatch()({ ...event, atMs: 0 })
}

const request = (fields: Partial<ServerEvent>): Omit<ServerEvent, 'atMs'> => ({
  server: 'http',
  kind: 'request',
  body: Buffer.alloc(0),
  ...fields,
})

t.test('a check reads in the Expected column with every field it names, and * for a method or path it leaves open', async t => {
  t.equal(
    checkOf('{ http: { method: post, path: /post, headers: { Content-Type: text/plain, X-Id: "{{id}}" }, body: "a=1" } }').description,
    'http received POST /post content-type: text/plain x-id: 7 body "a=1"',
  )
  t.equal(checkOf('{ http: { body: "{{word}}" } }').description, 'http received * * body "hello"')
  t.equal(checkOf('{ http: { path: /get } }').description, 'http received * /get')
  t.equal(checkOf('{ http: { headers: { Accept: "*/*" } } }').description, 'http received * * accept: */*')
  t.equal(checkOf('{ ftp: { file: /upload/a.txt, content: abc } }').description, 'ftp received /upload/a.txt with "abc"')
  t.equal(checkOf('{ ftp: { file: /upload/a.txt } }').description, 'ftp received /upload/a.txt')
  t.equal(checkOf('{ sms: { to: "+491701234567", text: "{{word}}" } }').description, 'sms received to +491701234567 "hello"')
  t.equal(checkOf('{ sms: { to: "+491701234567" } }').description, 'sms received to +491701234567')
  t.equal(checkOf('{ sms: { text: "hi\\there" } }').description, 'sms received "hi\\there"')
  t.equal(checkOf('{ udp: { received: { hex: "68 69 0d 0a" } } }').description, 'udp received "hi\\r\\n"')
})

t.test('an http check wants every field it names and nothing of those it leaves open', async t => {
  t.equal(accepts('{ http: { method: post } }', request({ method: 'POST', path: '/post' })), true)
  t.equal(accepts('{ http: { method: post } }', request({ method: 'post', path: '/post' })), true, 'methods compare case-blind')
  t.equal(accepts('{ http: { method: post } }', request({ method: 'GET', path: '/post' })), false, 'another method')
  t.equal(accepts('{ http: { path: /post } }', request({ method: 'DELETE', path: '/post' })), true, 'no method: any method')
  t.equal(accepts('{ http: { path: /post } }', request({ method: 'GET', path: '/get' })), false, 'another path')
  const twoHeaders = '{ http: { headers: { Content-Type: text/plain, X-Id: "{{id}}" } } }'
  t.equal(accepts(twoHeaders, request({ method: 'GET', headers: { 'content-type': 'text/plain', 'x-id': '7' } })), true)
  t.equal(accepts(twoHeaders, request({ method: 'GET', headers: { 'content-type': 'text/plain' } })), false, 'one header of two')
  t.equal(accepts('{ http: { body: hi } }', request({ method: 'PUT', body: Buffer.from('ho') })), false, 'another body')
  t.equal(accepts('{ http: { method: put } }', request({ method: 'PUT', body: Buffer.from('ho') })), true, 'no body: any body')
})

t.test('an http check turns down, without throwing, a request that lacks the field it names', async t => {
  t.equal(accepts('{ http: { method: get } }', request({ path: '/get' })), false, 'no method')
  t.equal(accepts('{ http: { path: /get } }', request({ method: 'GET' })), false, 'no path')
  t.equal(accepts('{ http: { headers: { X-Id: "7" } } }', request({ method: 'GET' })), false, 'no headers')
})

t.test('ftp and sms checks want the file, the address and the text they name, and any when they name none', async t => {
  const file = (path: string, body: string): Omit<ServerEvent, 'atMs'> => ({ server: 'ftp', kind: 'file', path, body: Buffer.from(body) })
  t.equal(accepts('{ ftp: { file: /upload/a.txt } }', file('/upload/a.txt', 'anything')), true, 'no content: any content')
  t.equal(accepts('{ ftp: { file: /upload/a.txt } }', file('/upload/b.txt', 'anything')), false, 'another file')
  t.equal(accepts('{ ftp: { file: /upload/a.txt, content: abc } }', file('/upload/b.txt', 'abc')), false, 'another file, same content')
  const sms = (to: string, text: string): Omit<ServerEvent, 'atMs'> => ({
    server: 'sms',
    kind: 'message',
    path: to,
    body: Buffer.from(text),
  })
  t.equal(accepts('{ sms: { text: hello } }', sms('+491701234567', 'hello')), true, 'no address: any address')
  t.equal(accepts('{ sms: { to: "+491701234567" } }', sms('+491701234567', 'hello')), true, 'no text: any text')
  t.equal(accepts('{ sms: { to: "+491701234567", text: hello } }', sms('+491701234567', 'hullo')), false, 'another text')
})

t.test('a check accepts only the kind of event its server records', async t => {
  const upload = { server: 'http', kind: 'file', path: '/a.txt', body: Buffer.from('hi') } as const
  t.equal(accepts('{ http: { path: /a.txt } }', upload), false, 'an http check is about requests')
  t.equal(accepts('{ ftp: { file: /a.txt } }', { ...upload, server: 'ftp', kind: 'message' }), false, 'an ftp check is about files')
  t.equal(
    accepts('{ sms: { to: /a.txt, text: hi } }', { ...upload, server: 'sms', kind: 'request' }),
    false,
    'an sms check is about messages',
  )
  t.equal(accepts('{ tcp: { received: hi } }', { ...upload, server: 'tcp', kind: 'request' }), false, 'a tcp check is about bytes')
  t.equal(accepts('{ udp: { received: hi } }', { server: 'udp', kind: 'bytes', body: Buffer.from('hi') }), true)
})

t.test('an event reads as its server, its connection, its method, path or address, and its bytes', async t => {
  const bytes = (server: 'tcp' | 'udp' | 'tls', text: string, connection?: number): string =>
    summarizeServerEvent({ server, kind: 'bytes', body: Buffer.from(text), atMs: 0, ...(connection === undefined ? {} : { connection }) })
  t.equal(bytes('tcp', 'hi', 2), 'tcp #2: "hi"')
  t.equal(bytes('tls', 'hi'), 'tls #0: "hi"')
  t.equal(bytes('udp', 'hi', 0), 'udp: "hi"', 'a datagram has no connection')
  const summary = (fields: Partial<ServerEvent>): string => summarizeServerEvent({ ...request(fields), atMs: 0 })
  t.equal(summary({ method: 'POST', path: '/post?id=7', body: Buffer.from('a=1') }), 'http: POST /post?id=7 "a=1"')
  t.equal(summary({ method: 'GET', path: '/get' }), 'http: GET /get', 'no body, no quotes')
  t.equal(summary({}), 'http: ? ?')
  const stored = { server: 'ftp', kind: 'file', body: Buffer.from('abc'), atMs: 0 } as const
  t.equal(summarizeServerEvent({ ...stored, path: '/upload/a.txt' }), 'ftp: stored /upload/a.txt "abc"')
  t.equal(summarizeServerEvent(stored), 'ftp: stored ? "abc"')
  const sent = { server: 'sms', kind: 'message', body: Buffer.from('hello'), atMs: 0 } as const
  t.equal(summarizeServerEvent({ ...sent, path: '+491701234567' }), 'sms: to +491701234567 "hello"')
  t.equal(summarizeServerEvent(sent), 'sms: to ? "hello"')
})

t.test('bytes read as a quoted text with control bytes, quotes and backslashes escaped, cut after 200 bytes', async t => {
  t.equal(showBytes(Buffer.from('a\tb"c\\d\r\n')), '"a\\tb\\"c\\\\d\\r\\n"')
  t.equal(showBytes(Buffer.from([0x01, 0x1b, 0x7f, 0x41])), '"\\x01\\x1b\\x7fA"')
  t.equal(showBytes(Buffer.alloc(200, 'x')), `"${'x'.repeat(200)}"`, 'exactly 200 bytes: all shown, no count')
  t.equal(showBytes(Buffer.alloc(201, 'x')), `"${'x'.repeat(200)}" (201 bytes)`)
})

t.test('bytes that are not UTF-8 show as \\xNN each; UTF-8 text shows as text and is never cut inside a character', async t => {
  // An MQTT CONNECT's head: 0x10, a length, then "\0\x04MQTT" and a 0xc2 flags byte that starts no valid character.
  t.equal(showBytes(Buffer.from([0x10, 0x2a, 0x00, 0x04, 0x4d, 0x51, 0x54, 0x54, 0x04, 0xc2])), '"\\x10*\\x00\\x04MQTT\\x04\\xc2"')
  t.equal(showBytes(Buffer.from([0xff, 0xfe, 0x41])), '"\\xff\\xfeA"', 'no U+FFFD hides a byte')
  t.equal(showBytes(Buffer.from('연결 “ok”')), '"연결 “ok”"', 'Korean and curly quotes stay text')
  // 199 ASCII bytes then a 3-byte character: a cut at 200 would split it, so the shown text stops before it.
  const korean = Buffer.concat([Buffer.alloc(199, 'x'), Buffer.from('한'), Buffer.from('y')])
  t.equal(showBytes(korean), `"${'x'.repeat(199)}" (203 bytes)`)
  const fits = Buffer.concat([Buffer.alloc(197, 'x'), Buffer.from('한'), Buffer.from('y')])
  t.equal(showBytes(fits), `"${'x'.repeat(197)}한" (201 bytes)`, 'a character that ends at byte 200 is shown')
  const binaryTail = Buffer.concat([Buffer.alloc(199, 'x'), Buffer.from([0x80, 0x80, 0x80, 0x80])])
  t.equal(showBytes(binaryTail), `"${'x'.repeat(199)}\\x80" (203 bytes)`, 'stray continuation bytes are not a character to keep whole')
})

t.test('hex bytes may be spaced; a template that renders to anything but whole hex pairs is the step fault', async t => {
  const [hex] = checksOf('{ udp: { received: { hex: "{{bytes}}" } } }')
  if (hex?.kind !== 'bytes') throw new Error('a udp check reads as a bytes check')
  const render = (bytes: string): Buffer => renderServerBytes(hex.received, contextWith({ bytes }))
  t.same(render('68 69\t0d  0a'), Buffer.from('hi\r\n'))
  t.same(render('4A4b'), Buffer.from('JK'))
  for (const bad of ['686', 'z6869', '6869z', '', '6g'])
    t.throws(() => render(bad), new StepProblem(`s.yaml:3:40: hex bytes render to '${bad}', not pairs of hex digits [bad-hex]`), `'${bad}'`)
  const [text] = checksOf('{ tcp: { received: "é{{word}}" } }')
  if (text?.kind !== 'bytes') throw new Error('a tcp check reads as a bytes check')
  t.same(renderServerBytes(text.received, contextWith(VARS)), Buffer.from([0xc3, 0xa9, ...Buffer.from('hello')]), 'text is UTF-8')
})

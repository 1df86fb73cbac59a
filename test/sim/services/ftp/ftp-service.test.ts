import t from 'tap'
import { createSampleBytes } from '../../../../src/servers/ftp/index.js'
import { error, ok } from '../../wire-harness.js'
import { commandThenUrc, logIn, startFtpRig } from './ftp-harness.js'

const SAMPLE = createSampleBytes(4000)

t.test('session: START, LOGIN, PWD, CWD, MKD, RMD, SIZE, DELE, LOGOUT, STOP, each OK then its URC', async t => {
  const rig = await startFtpRig(t)
  const { h } = rig
  await h.command('AT+CFTPSLOGIN="ftp.example.com",21,"a","b",0', error(), false)
  await logIn(rig)
  await commandThenUrc(h, 'AT+CFTPSPWD', '+CFTPSPWD: "/"')
  await commandThenUrc(h, 'AT+CFTPSCWD="/pub"', '+CFTPSCWD: 0')
  await commandThenUrc(h, 'AT+CFTPSPWD', '+CFTPSPWD: "/pub"')
  await commandThenUrc(h, 'AT+CFTPSCWD="/nowhere"', '+CFTPSCWD: 550')
  await commandThenUrc(h, 'AT+CFTPSMKD="/upload/new"', '+CFTPSMKD: 0')
  await commandThenUrc(h, 'AT+CFTPSRMD="/upload/new"', '+CFTPSRMD: 0')
  await commandThenUrc(h, 'AT+CFTPSRMD="/upload/new"', '+CFTPSRMD: 550')
  await commandThenUrc(h, 'AT+CFTPSSIZE="sample.bin"', '+CFTPSSIZE: 4000')
  await commandThenUrc(h, 'AT+CFTPSDELE="/pub/notes.txt"', '+CFTPSDELE: 0')
  await commandThenUrc(h, 'AT+CFTPSDELE="/pub/notes.txt"', '+CFTPSDELE: 550')
  await commandThenUrc(h, 'AT+CFTPSLOGOUT', '+CFTPSLOGOUT: 0')
  await h.command('AT+CFTPSPWD', error(), false)
  await commandThenUrc(h, 'AT+CFTPSSTOP', '+CFTPSSTOP: 0')
  await h.command('AT+CFTPSSTOP', error(), false)
})

t.test('login failures: a wrong password is the server reply 530, an unmapped host a network error', async t => {
  const rig = await startFtpRig(t)
  const { h } = rig
  await commandThenUrc(h, 'AT+CFTPSSTART', '+CFTPSSTART: 0')
  await h.command('AT+CFTPSSTART', error(), false)
  await commandThenUrc(h, `AT+CFTPSLOGIN="ftp.example.com",21,"${rig.server.user}","wrong",0`, '+CFTPSLOGIN: 530')
  await commandThenUrc(h, 'AT+CFTPSLOGIN="ftp.example.com",2121,"u","p",0', '+CFTPSLOGIN: 10')
  t.match(h.modem.notes.join('\n'), /not mapped/)
  await h.command('AT+CFTPSLOGIN="ftp.example.com",21,"u","p",4', error(), false)
  await h.command('AT+CFTPSLIST', error(), false)
})

t.test('AT+CFTPSLIST passes the raw LIST text on in DATA blocks, then +CFTPSLIST: 0', async t => {
  const rig = await startFtpRig(t)
  const { h } = rig
  await logIn(rig)
  await h.command('AT+CFTPSLIST="/pub"', ok(), false)
  const head = await h.readUntil('\r\n', 5000)
  t.equal(head, '\r\n')
  const header = await h.readUntil('\r\n')
  const length = Number(/^\+CFTPSLIST: DATA,(\d+)\r\n$/.exec(header)?.[1])
  const listing = await h.read(length)
  t.match(listing, /^-rw-r--r-- .* hello\.txt\r\n-rw-r--r-- .* notes\.txt\r\n-rw-r--r-- .* 4000 .* sample\.bin\r\n$/)
  await h.expect('\r\n+CFTPSLIST: 0\r\n')
  await commandThenUrc(h, 'AT+CFTPSLIST="/missing"', '+CFTPSLIST: 550')
})

t.test('AT+CFTPSGET sends the file to the serial port in 1500-byte blocks, from a rest size, for a length', async t => {
  const rig = await startFtpRig(t)
  const { h } = rig
  await logIn(rig)
  await h.command('AT+CFTPSGET="/pub/hello.txt"', ok() + '\r\n+CFTPSGET: DATA,26\r\nHello from the FTP server.\r\n+CFTPSGET: 0\r\n', false)
  const blocks =
    '\r\n+CFTPSGET: DATA,1500\r\n' +
    SAMPLE.subarray(0, 1500).toString('latin1') +
    '\r\n+CFTPSGET: DATA,1500\r\n' +
    SAMPLE.subarray(1500, 3000).toString('latin1') +
    '\r\n+CFTPSGET: DATA,1000\r\n' +
    SAMPLE.subarray(3000).toString('latin1') +
    '\r\n+CFTPSGET: 0\r\n'
  await h.command('AT+CFTPSGET="/pub/sample.bin"', ok() + blocks, false)
  const part = SAMPLE.subarray(3990, 3995).toString('latin1')
  await h.command('AT+CFTPSGET="/pub/sample.bin",3990,5', ok() + `\r\n+CFTPSGET: DATA,5\r\n${part}\r\n+CFTPSGET: 0\r\n`, false)
  await commandThenUrc(h, 'AT+CFTPSGET="/pub/none.bin"', '+CFTPSGET: 550')
})

t.test('AT+CFTPSGETFILE stores into the file system, and resumes from a break point with its rest size', async t => {
  const rig = await startFtpRig(t)
  const { h } = rig
  await logIn(rig)
  await commandThenUrc(h, 'AT+CFTPSGETFILE="/pub/sample.bin"', '+CFTPSGETFILE: 0')
  await h.command('AT+FSATTRI="sample.bin"', ok('+FSATTRI: 4000'), false)
  // A download broken after 1000 bytes: the module keeps those, and asks the server for the rest only.
  await h.command('AT+FSMKDIR="part"', ok(), false)
  await h.command('AT+FSCD=part', ok('+FSCD: C:/part/'), false)
  await h.command('AT+CFTRANRX="sample.bin",1000', '\r\n>', false)
  h.write(SAMPLE.subarray(0, 1000))
  await h.expect(ok())
  await commandThenUrc(h, 'AT+CFTPSGETFILE="/pub/sample.bin",0,1000', '+CFTPSGETFILE: 0')
  await h.command('AT+FSATTRI="sample.bin"', ok('+FSATTRI: 4000'), false)
  const seam = SAMPLE.subarray(995, 1005).toString('latin1')
  await h.command('AT+CFTRANTX="sample.bin",995,10', `\r\n+CFTRANTX: DATA,10\r\n${seam}\r\n+CFTRANTX: 0\r\n\r\nOK\r\n`, false)
  await h.command('AT+CFTPSGETFILE="/pub/sample.bin",0,5000', error(), false)
  await commandThenUrc(h, 'AT+CFTPSGETFILE="/pub/none.bin",1', '+CFTPSGETFILE: 550')
})

t.test('AT+CFTPSPUT takes exactly <len> bytes at the prompt; the server records the file', async t => {
  const rig = await startFtpRig(t)
  const { h, server } = rig
  await logIn(rig)
  await h.command('AT+CFTPSPUT="/upload/typed.txt",12', '\r\n>', false)
  h.write('hello\r\nOK\r\nx', 3)
  await h.expect(ok() + '\r\n+CFTPSPUT: 0\r\n')
  t.match(server.events(), [{ server: 'ftp', kind: 'file', path: '/upload/typed.txt' }])
  t.equal(server.events()[0]?.body.toString('latin1'), 'hello\r\nOK\r\nx')
  await h.command('AT+CFTPSPUT="/upload/typed.txt",3,12', '\r\n>', false)
  h.write('end')
  await h.expect(ok() + '\r\n+CFTPSPUT: 0\r\n')
  t.equal(server.events()[1]?.body.toString('latin1'), 'hello\r\nOK\r\nxend', 'a rest size appends')
  await h.command('AT+CFTPSPUT="/upload/typed.txt",0', error(), false)
  await h.command('AT+CFTPSPUT="/upload/typed.txt",10241', error(), false)
})

t.test('AT+CFTPSPUTFILE uploads from the file system, and a rest size sends only what the server lacks', async t => {
  const rig = await startFtpRig(t)
  const { h, server } = rig
  await logIn(rig)
  await h.command('AT+CFTRANRX="C:/report.txt",10', '\r\n>', false)
  h.write('0123456789')
  await h.expect(ok())
  await commandThenUrc(h, 'AT+CFTPSPUTFILE="/upload/report.txt",1', '+CFTPSPUTFILE: 0')
  t.equal(server.events()[0]?.body.toString(), '0123456789')
  await server.act({ server: 'ftp', kind: 'file', path: '/upload/broken.txt', content: Buffer.from('0123') })
  await h.command('AT+FSRENAME="report.txt","broken.txt"', ok(), false)
  await commandThenUrc(h, 'AT+CFTPSPUTFILE="/upload/broken.txt",0,4', '+CFTPSPUTFILE: 0')
  t.equal(server.events()[1]?.body.toString(), '0123456789', 'the server has the whole file once')
  await h.command('AT+CFTPSPUTFILE="/upload/none.txt"', error(), false)
})

t.test('a reboot ends the session; the service must be started again', async t => {
  const rig = await startFtpRig(t)
  const { h } = rig
  await logIn(rig)
  await h.command('AT+CRESET', ok(), false)
  await h.readUntil('PB DONE\r\n')
  await h.command('AT+CFTPSPWD', error(), false)
  await logIn(rig)
  await commandThenUrc(h, 'AT+CFTPSPWD', '+CFTPSPWD: "/"')
})

t.test('settings: AT+CFTPSSSLCFG, AT+CFTPSSINGLEIP, AT+CFTPSTYPE read back; out of range is ERROR', async t => {
  const rig = await startFtpRig(t)
  const { h } = rig
  await h.command('AT+CFTPSSSLCFG=?', ok('+CFTPSSSLCFG: (0-9)'), false)
  await h.command('AT+CFTPSSSLCFG=3', ok(), false)
  await h.command('AT+CFTPSSSLCFG?', ok('+CFTPSSSLCFG: 3'), false)
  await h.command('AT+CFTPSSSLCFG=10', error(), false)
  await h.command('AT+CFTPSSINGLEIP=1', ok(), false)
  await h.command('AT+CFTPSSINGLEIP?', ok('+CFTPSSINGLEIP: 1'), false)
  await h.command('AT+CFTPSSINGLEIP=2', error(), false)
  await h.command('AT+CFTPSTYPE?', ok('+CFTPSTYPE: I'), false)
  await h.command('AT+CFTPSTYPE=A', ok(), false)
  await h.command('AT+CFTPSTYPE?', ok('+CFTPSTYPE: A'), false)
  await h.command('AT+CFTPSTYPE=X', error(), false)
  await h.command('AT+CFTPSABORT', error(), false)
})

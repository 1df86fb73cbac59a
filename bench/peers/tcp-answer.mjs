// A modem on TCP 127.0.0.1 (an ephemeral port, printed on stdout) that answers every CR with OK at once.
import { createServer } from 'node:net'

const ok = Buffer.from('\r\nOK\r\n')
const server = createServer(socket => {
  socket.setNoDelay(true)
  socket.on('data', chunk => {
    for (const byte of chunk) if (byte === 0x0d) socket.write(ok)
  })
  socket.on('error', () => socket.destroy())
})
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`))
process.on('SIGTERM', () => server.close(() => process.exit(0)))

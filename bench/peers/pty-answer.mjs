// A modem that answers every CR with OK at once, on the pty path given as argument; blocking reads, so it never
// waits on an event loop. Prints "ready" once the pty is open (nothing may be written before that).
import { openSync, readSync, writeSync } from 'node:fs'

const fd = openSync(process.argv[2], 'r+')
const buffer = Buffer.alloc(4096)
const ok = Buffer.from('\r\nOK\r\n')
process.stdout.write('ready\n')
for (;;) {
  const n = readSync(fd, buffer, 0, buffer.length, null)
  if (n === 0) break
  for (let i = 0; i < n; i++) if (buffer[i] === 0x0d) writeSync(fd, ok)
}

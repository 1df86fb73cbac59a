// The floor of a chat over a pty: blocking write "AT\r", read until "OK\r\n", repeated. Arguments: the pty path, the
// round trips to time and to warm up with. Prints the milliseconds per round trip of the timed ones.
import { openSync, readSync, writeSync, closeSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

const [path, count, warmup] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4] ?? 200)]
const fd = openSync(path, 'r+')
const buffer = Buffer.alloc(4096)
const command = Buffer.from('AT\r')

function roundTrip() {
  writeSync(fd, command)
  let text = ''
  while (!text.endsWith('OK\r\n')) {
    const n = readSync(fd, buffer, 0, buffer.length, null)
    text += buffer.toString('latin1', 0, n)
  }
}

for (let i = 0; i < warmup; i++) roundTrip()
const started = performance.now()
for (let i = 0; i < count; i++) roundTrip()
process.stdout.write(`${(performance.now() - started) / count}\n`)
closeSync(fd)

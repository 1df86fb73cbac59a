import { Command, InvalidArgumentError, Option } from 'commander'
import { serveBroker, type ServeBrokerOptions } from '../app/serve-broker.js'
import { addHelpFooter } from './help-footer.js'

/** Registers `atseq broker`: an MQTT broker on TCP, TLS and mutual TLS in the foreground until SIGINT/SIGTERM. */
export function registerBroker(program: Command): void {
  const command = program
    .command('broker')
    .description('Run an MQTT broker (TCP, TLS, mutual TLS) with a generated CA, logging every published message')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'plain MQTT port (0: any free port)', parsePort, 1883)
    .option('--tls-port <port>', 'MQTT over TLS port', parsePort, 8883)
    .option('--mtls-port <port>', 'MQTT over TLS port that requires a client certificate', parsePort, 8884)
    .option('--no-mtls-port', 'no mutual-TLS listener')
    .option('--cert-dir <dir>', 'write the CA, server and client certificates here (reused on the next start)')
    .option(
      '--hostname <name>',
      'name or IP the server certificate is for (repeatable; default localhost, 127.0.0.1, ::1 and --host)',
      collect,
      [],
    )
    .option('--user <name:password>', 'accept only these users (repeatable)', collectUser, [])
    .addOption(new Option('--key-type <type>', 'certificate key algorithm (rsa suits most modems)').choices(['rsa', 'ec']).default('rsa'))
  addHelpFooter(command, {
    examples: [
      'atseq broker                                       # mqtt 1883, mqtts 8883, mutual TLS 8884 on 127.0.0.1',
      'atseq broker --cert-dir ./certs --user dev:secret  # then: mosquitto_sub --cafile certs/ca.pem -p 8883 -t "#"',
      'atseq broker --port 0 --tls-port 0 --no-mtls-port  # any free ports',
    ],
    exitCodes: '0 stopped by Ctrl-C or SIGTERM, 2 usage, 3 a port cannot be bound or the certificate folder cannot be used.',
  }).action(async (opts: ServeBrokerOptions) => {
    process.exitCode = await serveBroker(
      opts,
      text => process.stdout.write(text),
      text => process.stderr.write(text),
    )
  })
}

function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port is 0..65535')
  return port
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

function collectUser(value: string, previous: [string, string][]): [string, string][] {
  const colon = value.indexOf(':')
  if (colon <= 0) throw new InvalidArgumentError('a user is name:password')
  return [...previous, [value.slice(0, colon), value.slice(colon + 1)]]
}

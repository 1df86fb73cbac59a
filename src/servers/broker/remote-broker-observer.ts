import { randomBytes } from 'node:crypto'
import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt'
import { createBrokerObserver, type BrokerObserver, type ObservedMessage } from './broker-observer.js'
import type { PublishRequest } from './embedded-broker.js'

export interface RemoteBrokerOptions {
  /** CA (PEM) to verify an `mqtts://` broker with. */
  ca?: string
  /** Verify the broker's certificate; default true. */
  rejectUnauthorized?: boolean
  username?: string
  password?: string
  /** Give up connecting after this many milliseconds; default 5000. */
  connectTimeoutMs?: number
  /** MQTT version; default 5, falling back to 3.1.1 when the broker refuses 5 (then live messages read `retain: false`). */
  protocolVersion?: 4 | 5
}

/** An observer of someone else's broker (e.g. Mosquitto), which can also publish through it. */
export interface RemoteBrokerObserver extends BrokerObserver {
  publish(msg: PublishRequest): Promise<void>
  close(): Promise<void>
}

/**
 * Connects an MQTT client to `url` (`mqtt://` or `mqtts://`) subscribed to `#`, and observes every message
 * published there. With MQTT 5 retain flags read as published (retain-as-published); wills cannot be told apart (`isWill` false).
 */
export async function observeRemoteBroker(url: string, opts: RemoteBrokerOptions = {}): Promise<RemoteBrokerObserver> {
  const { observer, record } = createBrokerObserver()
  const client = await connectObserverClient(url, opts)
  try {
    client.on('message', (topic, payload, packet) => record(toObservedMessage(topic, payload, packet.qos, packet.retain)))
    await client.subscribeAsync('#', { qos: 2, ...(client.options.protocolVersion === 5 ? { rap: true } : {}) })
  } catch (error) {
    await client.endAsync(true)
    throw new Error(`could not subscribe to # at ${url}`, { cause: error })
  }
  let closing: Promise<void> | undefined
  return {
    ...observer,
    publish: msg => publishThrough(client, msg),
    close: () => (closing ??= client.endAsync()),
  }
}

/** CONNACK return code 1 in MQTT 3.1.1: unacceptable protocol version (what brokers without MQTT 5 answer). */
const CONNACK_UNACCEPTABLE_PROTOCOL = 1

async function connectObserverClient(url: string, opts: RemoteBrokerOptions): Promise<MqttClient> {
  if (opts.protocolVersion !== undefined) return connectAsync(url, describeConnection(opts, opts.protocolVersion))
  try {
    return await connectAsync(url, describeConnection(opts, 5))
  } catch (error) {
    if (!isProtocolRefusal(error)) throw error
    return connectAsync(url, describeConnection(opts, 4))
  }
}

function isProtocolRefusal(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === CONNACK_UNACCEPTABLE_PROTOCOL
}

function describeConnection(opts: RemoteBrokerOptions, protocolVersion: 4 | 5): IClientOptions {
  return {
    protocolVersion,
    clientId: `atseq-observer-${randomBytes(4).toString('hex')}`,
    clean: true,
    reconnectPeriod: 0,
    connectTimeout: opts.connectTimeoutMs ?? 5000,
    rejectUnauthorized: opts.rejectUnauthorized ?? true,
    ...(opts.ca === undefined ? {} : { ca: opts.ca }),
    ...(opts.username === undefined ? {} : { username: opts.username }),
    ...(opts.password === undefined ? {} : { password: opts.password }),
  }
}

function toObservedMessage(topic: string, payload: Buffer, qos: 0 | 1 | 2, retain: boolean): ObservedMessage {
  return { topic, payload: Buffer.from(payload), qos, retain, isWill: false, atMs: Date.now() }
}

async function publishThrough(client: MqttClient, msg: PublishRequest): Promise<void> {
  await client.publishAsync(msg.topic, Buffer.from(msg.payload), { qos: msg.qos ?? 0, retain: msg.retain ?? false })
}

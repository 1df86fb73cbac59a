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
}

/** An observer of someone else's broker (e.g. Mosquitto), which can also publish through it. */
export interface RemoteBrokerObserver extends BrokerObserver {
  publish(msg: PublishRequest): Promise<void>
  close(): Promise<void>
}

/**
 * Connects an MQTT 5 client to `url` (`mqtt://` or `mqtts://`) subscribed to `#`, and observes every message
 * published there. Retain flags are kept as published (retain-as-published); wills cannot be told apart (`isWill` false).
 */
export async function observeRemoteBroker(url: string, opts: RemoteBrokerOptions = {}): Promise<RemoteBrokerObserver> {
  const { observer, record } = createBrokerObserver()
  const client = await connectAsync(url, describeConnection(opts))
  try {
    client.on('message', (topic, payload, packet) => record(toObservedMessage(topic, payload, packet.qos, packet.retain)))
    await client.subscribeAsync('#', { qos: 2, rap: true })
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

function describeConnection(opts: RemoteBrokerOptions): IClientOptions {
  return {
    protocolVersion: 5,
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

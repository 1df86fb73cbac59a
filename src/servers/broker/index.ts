/** The embedded MQTT broker, its observer, test certificates, and an observer for a user's own broker. */
export { startBroker, type EmbeddedBroker, type PublishRequest, type StartBrokerOptions } from './embedded-broker.js'
export {
  BrokerWaitError,
  createBrokerObserver,
  type BrokerObserver,
  type MessageListener,
  type MessageMatch,
  type ObservedMessage,
  type ObserverFeed,
  type WaitForOptions,
} from './broker-observer.js'
export {
  createTestCertificates,
  DEFAULT_BROKER_HOSTNAMES,
  getSharedTestCertificates,
  type CertificateKeyType,
  type TestCertificateOptions,
  type TestCertificates,
} from './test-certificates.js'
export { observeRemoteBroker, type RemoteBrokerObserver, type RemoteBrokerOptions } from './remote-broker-observer.js'

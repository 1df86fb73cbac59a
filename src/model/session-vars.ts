/**
 * The vars a `sim://` run's session gives every sequence, by name: the embedded broker's certificates and the
 * far-side servers' addresses and account. Their values exist only once the servers run; the names are known before,
 * so `validate` counts them as given without starting anything.
 */
export const SIM_SESSION_VAR_NAMES = [
  'broker_ca',
  'broker_client_cert',
  'broker_client_key',
  'wrong_ca',
  'echo_server_host',
  'echo_server_port',
  'tls_server_host',
  'tls_server_port',
  'mtls_server_port',
  'http_server_host',
  'http_server_port',
  'https_server_port',
  'ftp_server_host',
  'ftp_server_port',
  'ftps_implicit_port',
  'ftp_user',
  'ftp_password',
] as const

/** One of the names a `sim://` session gives. */
export type SimSessionVarName = (typeof SIM_SESSION_VAR_NAMES)[number]

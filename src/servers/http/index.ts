/** The HTTP(S) server the simulated modem's HTTP client talks to, and its built-in routes. */
export { startHttpServer, MAX_REQUEST_BYTES, type HttpServer, type StartHttpServerOptions } from './http-server.js'
export { answerBuiltin, generateBytes, type HttpAnswer, type HttpRequestSeen } from './builtin-routes.js'

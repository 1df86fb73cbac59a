/** The FTP(S) server simulated FTP clients reach, with its seeded files. */
export { startFtpServer, type FtpServer, type StartFtpServerOptions } from './ftp-server.js'
export { SEEDED_FILES, createSampleBytes } from './ftp-root.js'

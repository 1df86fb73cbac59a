/**
 * The certificates of what `atseq sim` serves beside the simulator: the broker and the far-side servers present the
 * process's shared test certificates, so one CA signs them all. They are written to a fresh temporary folder, and
 * one line says where (for a modem's AT+CCERTDOWN, mosquitto_sub --cafile or curl --cacert).
 */
import { rm } from 'node:fs/promises'
import { createCertificateTempDir, writeCertificateDir } from '../servers/broker/certificate-dir.js'
import { DEFAULT_BROKER_HOSTNAMES, getSharedTestCertificates, type TestCertificates } from '../servers/broker/test-certificates.js'

export interface SimCertificates {
  certificates: TestCertificates
  /** `CA <path> (...)`: the CA to trust, and the client certificate and key a mutual-TLS listener accepts. */
  line: string
  /** Removes the folder. */
  close(): Promise<void>
}

/** Writes the shared test certificates to a new temporary folder. */
export async function writeSimCertificates(): Promise<SimCertificates> {
  const certificates = await getSharedTestCertificates({ hostnames: [...DEFAULT_BROKER_HOSTNAMES] })
  const folder = await createCertificateTempDir()
  const close = (): Promise<void> => rm(folder, { recursive: true, force: true })
  const paths = await writeCertificateDir(folder, certificates).catch(async (error: unknown) => {
    await close()
    throw error
  })
  const line = `CA ${paths.ca} (signs every server's certificate; client certificate ${paths.clientCert}, key ${paths.clientKey})`
  return { certificates, line, close }
}

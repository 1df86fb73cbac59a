// Loads TypeScript through tsx in this thread and in every worker thread the tests start (tsx's own
// `--import=tsx` entry registers on the main thread only), for the mutation runs' short start-up.
import { register } from 'tsx/esm/api'

register()

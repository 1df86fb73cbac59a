import { checkSequenceFiles } from '../../dist/sequence/index.js'
await checkSequenceFiles(['/tmp/vb'], { workers: 0 })

// Writes docs/asyncapi.yaml from contracts/ (contracts/README.md, "AsyncAPI"); contracts/test/asyncapi.test.ts fails
// while the committed document differs from what this writes.
import { asyncApiPath, asyncApiText } from './asyncapi-document'

await Bun.write(asyncApiPath, await asyncApiText())
console.log(`wrote ${asyncApiPath}`)

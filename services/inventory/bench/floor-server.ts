// The open model's floor for bench/stock-read.ts: a Bun.serve answering a constant body, no I/O. Prints "listening <port>".
const body = JSON.stringify({ success: true, data: { skuId: 1, onHand: 0, reserved: 0, available: 0 } })
const server = Bun.serve({
  port: 0,
  fetch: () => new Response(body, { headers: { 'content-type': 'application/json' } }),
})
console.log(`listening ${server.port}`)

import { describe, expect, test } from 'bun:test'
import { clientAddress, type PeerAware } from './client'

const peer = (address: string): PeerAware => ({ requestIP: () => ({ address }) })
const request = (forwardedFor?: string) =>
  new Request('http://auth/api/auth/login', forwardedFor ? { headers: { 'x-forwarded-for': forwardedFor } } : {})
const trustLoopback = { enabled: true, proxies: ['127.0.0.1', '::1'] }

describe('clientAddress', () => {
  test('when trust is off, then the peer, whatever X-Forwarded-For says', () => {
    expect(clientAddress(request('203.0.113.9'), peer('127.0.0.1'), { enabled: false, proxies: ['127.0.0.1'] })).toBe(
      '127.0.0.1',
    )
  })

  test('when the peer is a trusted proxy, then the last X-Forwarded-For entry (the one the proxy wrote)', () => {
    expect(clientAddress(request('198.51.100.1, 203.0.113.9'), peer('127.0.0.1'), trustLoopback)).toBe('203.0.113.9')
    expect(clientAddress(request('203.0.113.9'), peer('::ffff:127.0.0.1'), trustLoopback)).toBe('203.0.113.9')
  })

  test('when the peer is not a trusted proxy, then its own address and the header is ignored', () => {
    expect(clientAddress(request('203.0.113.9'), peer('192.0.2.7'), trustLoopback)).toBe('192.0.2.7')
  })

  test('when a trusted proxy sends no header, then the peer', () => {
    expect(clientAddress(request(), peer('::1'), trustLoopback)).toBe('::1')
  })
})

import { describe, expect, test } from 'bun:test'
import { clientAddress, type PeerAware, trustedProxies } from './client'

const peer = (address: string): PeerAware => ({ requestIP: () => ({ address }) })
const request = (forwardedFor?: string) =>
  new Request('http://auth/api/auth/login', forwardedFor ? { headers: { 'x-forwarded-for': forwardedFor } } : {})
const trustLoopback = { enabled: true, isTrusted: trustedProxies('127.0.0.1,::1') }

describe('clientAddress', () => {
  test('when trust is off, then the peer, whatever X-Forwarded-For says', () => {
    expect(
      clientAddress(request('203.0.113.9'), peer('127.0.0.1'), {
        enabled: false,
        isTrusted: trustedProxies('127.0.0.1'),
      }),
    ).toBe('127.0.0.1')
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

describe('trustedProxies', () => {
  test('when given addresses, then exactly those peers', () => {
    const isTrusted = trustedProxies('127.0.0.1, ::1')
    expect(isTrusted('127.0.0.1')).toBe(true)
    expect(isTrusted('::1')).toBe(true)
    expect(isTrusted('127.0.0.2')).toBe(false)
  })

  test('when given CIDR ranges (an ingress controller whose pod address changes), then every peer inside them', () => {
    const isTrusted = trustedProxies('10.42.0.0/16,fd00:42::/56')
    expect(isTrusted('10.42.7.19')).toBe(true)
    expect(isTrusted('10.43.0.1')).toBe(false)
    expect(isTrusted('fd00:42::1f')).toBe(true)
    expect(isTrusted('fd00:43::1')).toBe(false)
  })

  test('when the peer is not an address or the list is empty, then nobody is trusted', () => {
    expect(trustedProxies('10.0.0.0/8')('unknown')).toBe(false)
    expect(trustedProxies('')('127.0.0.1')).toBe(false)
  })

  test('when an entry is malformed, then it throws at start, naming the entry', () => {
    for (const entry of ['10.0.0.0/33', 'gateway', '10.0.0.0/', '10.0.0.1/8/2', '::1/129', '10.0.0.0/x'])
      expect(() => trustedProxies(entry), entry).toThrow(entry)
  })
})

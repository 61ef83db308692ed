import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from './network-address.ts';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1', '127.8.9.10', '10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1',
    '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd12:3456::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1',
    'ff02::1', 'not-an-address',
    // IPv4 hosts reached through IPv6: NAT64, 6to4, IPv4-compatible.
    '64:ff9b::10.0.0.1', '64:ff9b::7f00:1', '64:ff9b::a9fe:a9fe', '2002:7f00:1::1', '2002:c0a8:101::5', '2002:a9fe:a9fe::', '::a00:1', '::127.0.0.1',
  ])('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '41.89.10.2', '172.32.0.1', '100.128.0.1', '2001:4860:4860::8888', '2c0f:fe38::1', '::ffff:8.8.8.8',
    '64:ff9b::808:808', '2002:808:808::1'])('allows %s', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

import { bencode } from './bencode';

describe(bencode.name, () => {
  it('encodes integers, strings, lists and dicts per BEP 3', () => {
    // Act
    const encoded = bencode({ spam: ['a', 42], cow: 'moo', n: -3 }).toString('latin1');

    // Assert
    expect(encoded).toBe('d3:cow3:moo1:ni-3e4:spaml1:ai42eee');
  });

  it('counts string lengths in bytes, not characters', () => {
    // Act
    const encoded = bencode('é');

    // Assert
    expect(encoded.toString('utf8')).toBe('2:é');
  });

  it('writes buffers verbatim', () => {
    // Act
    const encoded = bencode(Buffer.from([0, 255]));

    // Assert
    expect([...encoded]).toEqual([0x32, 0x3a, 0, 255]);
  });

  it('refuses a non-integer number', () => {
    // Act + Assert
    expect(() => bencode(1.5)).toThrow(TypeError);
  });
});

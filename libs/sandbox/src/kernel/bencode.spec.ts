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

  it('sorts dictionary keys by their raw bytes, not by JavaScript string order', () => {
    // Arrange: UTF-16 puts U+1F600 (a surrogate pair, 0xD83D…) before U+FF61; UTF-8 bytes (F0… > EF…) put it after.
    const dict = { '\u{1F600}': 1, '\uFF61': 2, b: 3, a: 4 };

    // Act
    const encoded = bencode(dict);

    // Assert
    const expected = Buffer.concat([
      Buffer.from('d1:ai4e1:bi3e3:'),
      Buffer.from('\uFF61'),
      Buffer.from('i2e4:'),
      Buffer.from('\u{1F600}'),
      Buffer.from('i1ee'),
    ]);
    expect(encoded.equals(expected)).toBe(true);
  });

  it('encodes a typed array as its bytes', () => {
    // Act
    const encoded = bencode(new Uint8Array([1, 2, 3]).subarray(1));

    // Assert
    expect([...encoded]).toEqual([0x32, 0x3a, 2, 3]);
  });

  it('refuses a non-integer number', () => {
    // Act + Assert
    expect(() => bencode(1.5)).toThrow(TypeError);
  });
});

import { describe, expect, it } from 'vitest';
import { ColumnBuilder } from '../../../renderer/src/import/column-builder';

const encoder = new TextEncoder();

function build(values: (string | null)[]): ColumnBuilder {
  const builder = new ColumnBuilder();
  for (const value of values) {
    if (value === null) builder.pushNull();
    else {
      const bytes = encoder.encode(value);
      builder.push(bytes, 0, bytes.length, value.includes('""'));
    }
  }
  return builder;
}

const valuesOf = (builder: ColumnBuilder, start = 0, end = builder.length) => {
  const data = builder.slice(start, end);
  return Array.from({ length: end - start }, (_, i) => {
    if (!((data.nullBitmap?.[i >> 3] ?? 0xff) & (1 << (i & 7)))) return null;
    const values = data.values as ArrayLike<number | bigint> | Uint8Array;
    if (data.valueOffsets) return new TextDecoder().decode((values as Uint8Array).subarray(data.valueOffsets[i], data.valueOffsets[i + 1]));
    return values[i];
  });
};

describe('ColumnBuilder', () => {
  it('makes integers BIGINT, with negatives and large values exact', () => {
    const builder = build(['1 234', '-5', null, '−7', '123456789012345']);
    expect(String(builder.type)).toBe('Int64');
    expect(valuesOf(builder)).toEqual([1234n, -5n, null, -7n, 123456789012345n]);
  });

  it('widens to DOUBLE on a decimal, to TIMESTAMP on a time, and to text on anything else', () => {
    expect(String(build(['1', '2,5']).type)).toBe('Float64');
    expect(String(build(['2024-01-01', '2024-01-02 10:00']).type)).toBe('Timestamp<MICROSECOND>');
    expect(valuesOf(build(['2024-01-01', '2024-01-02 10:00']))).toEqual([
      BigInt(Date.UTC(2024, 0, 1)) * 1000n,
      BigInt(Date.UTC(2024, 0, 2, 10)) * 1000n,
    ]);
    const mixed = build(['1', 'ett', '2']);
    expect(String(mixed.type)).toBe('Utf8');
    expect(valuesOf(mixed)).toEqual(['1', 'ett', '2']);
  });

  it('keeps text as written, unescaping doubled quotes', () => {
    expect(valuesOf(build(['Falun ', 'säg ""hej""', null]))).toEqual(['Falun ', 'säg "hej"', null]);
  });

  it('slices into batches that line up with the validity bitmap', () => {
    const values = Array.from({ length: 37 }, (_, i) => (i % 3 === 0 ? null : `v${i}`));
    const builder = build(values);
    expect([...valuesOf(builder, 0, 16), ...valuesOf(builder, 16, 32), ...valuesOf(builder, 32, 37)]).toEqual(values);
    expect(builder.slice(32, 37).nullCount).toBe(2);
  });

  it('grows past its first buffers', () => {
    const values = Array.from({ length: 5000 }, (_, i) => `${i} rader med text som tar plats`);
    expect(valuesOf(build(values))).toEqual(values);
  });
});

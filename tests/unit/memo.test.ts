import { describe, expect, it } from 'vitest';
import { memoised } from '../../src/lib/memo';

describe('memoised', () => {
  it('works out each answer once, undefined answers included', () => {
    const asked: string[] = [];
    const lengthOf = memoised((key) => {
      asked.push(key);
      return key === 'none' ? undefined : key.length;
    });
    expect([lengthOf('abc'), lengthOf('abc'), lengthOf('none'), lengthOf('none')]).toEqual([
      3,
      3,
      undefined,
      undefined,
    ]);
    expect(asked).toEqual(['abc', 'none']);
  });

  it('forgets what it remembered once it holds `limit` answers, and still answers right', () => {
    const asked: string[] = [];
    const upper = memoised((key) => {
      asked.push(key);
      return key.toUpperCase();
    }, 2);
    expect(['a', 'b', 'a', 'c', 'a'].map(upper)).toEqual(['A', 'B', 'A', 'C', 'A']);
    // 'c' found two answers kept, so they went; 'a' was then worked out again.
    expect(asked).toEqual(['a', 'b', 'c', 'a']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeButton, encodeButton, type ButtonState } from '../../src/discord/custom-id.ts';
import { DISCORD_LIMITS } from '../../src/discord/limits.ts';

const longestId = `a${'-b'.repeat(39)}c`.slice(0, 80);

describe('encodeButton / decodeButton', () => {
  it('round-trips every kind of button', () => {
    const states: ButtonState[] = [
      { kind: 'more', offset: 3, count: 3 },
      { kind: 'more', offset: 5, count: 5, articleId: 'tiktok-oracle-deal' },
      { kind: 'more', offset: 3, count: 3, question: 'where is: the data backed up?' },
      { kind: 'more', offset: 3, count: 2, articleId: 'tiktok-oracle-deal', question: 'who owns it' },
      { kind: 'context', passageId: 'tiktok-oracle-deal#12' },
      { kind: 'article', articleId: 'tiktok-oracle-deal' },
      { kind: 'read', articleId: 'tiktok-oracle-deal', ordinal: 4 },
      { kind: 'sources', page: 2 },
    ];
    for (const state of states) expect(decodeButton(encodeButton(state))).toEqual({ ok: true, value: state });
  });

  it('fits in 100 characters even with the longest article id', () => {
    expect(longestId).toHaveLength(80);
    for (const state of [
      { kind: 'more', offset: 999, count: 5, articleId: longestId },
      { kind: 'context', passageId: `${longestId}#999` },
      { kind: 'read', articleId: longestId, ordinal: 999 },
    ] as ButtonState[]) {
      expect(encodeButton(state).length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
    }
  });

  it('leaves a question out of More when it does not fit, for the footer to supply', () => {
    const question = 'q'.repeat(120);
    const id = encodeButton({ kind: 'more', offset: 3, count: 3, question });
    expect(id).toBe('more:3:3');
    expect(decodeButton(id)).toEqual({ ok: true, value: { kind: 'more', offset: 3, count: 3 } });
  });

  it('reports anything it did not write as an unknown button', () => {
    for (const customId of ['', 'more', 'more:x:3', 'more:1:0', 'ctx:Bad Id#1', 'ctx:a#0', 'art:a:b', 'read:a:0', 'srcs:0', 'v2:more:1:1', 'more:1:1:a:b', 'mq:1:1::', 'mq:1:1:Bad Id:q', 'mq:x:1::q']) {
      expect(decodeButton(customId)).toEqual({ ok: false, error: { code: 'unknown-button', customId } });
    }
  });

  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.string({ maxLength: 120 }), (customId) => typeof decodeButton(customId).ok === 'boolean'));
  });
});

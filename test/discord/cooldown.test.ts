import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.ts';

describe('Cooldown', () => {
  it('lets a user act once per period and says how long is left', () => {
    let now = 1_000;
    const cooldown = new Cooldown(3_000, () => now);
    expect(cooldown.take('ann')).toEqual({ ok: true });
    now += 1_200;
    expect(cooldown.take('ann')).toEqual({ ok: false, retryAfterMs: 1_800 });
    expect(cooldown.take('bob')).toEqual({ ok: true });
    now += 1_800;
    expect(cooldown.take('ann')).toEqual({ ok: true });
  });

  it('is off at 0', () => {
    const cooldown = new Cooldown(0);
    expect([cooldown.take('ann'), cooldown.take('ann')]).toEqual([{ ok: true }, { ok: true }]);
  });
});

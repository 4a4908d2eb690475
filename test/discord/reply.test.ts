import { ComponentType, MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS } from '../../src/discord/limits.ts';
import { limitChoices } from '../../src/discord/choices.ts';
import { buttonRows, embedLength, prepareReply } from '../../src/discord/reply.ts';

describe('prepareReply', () => {
  it('allows no mentions, whatever the reply holds', () => {
    expect(prepareReply({ content: '@everyone <@&1> <@2>' })).toEqual({ content: '@everyone <@&1> <@2>', allowed_mentions: { parse: [] } });
  });

  it('turns ephemeral into the message flag, and leaves the flag out when replacing a message', () => {
    expect(prepareReply({ content: 'x', ephemeral: true }).flags).toBe(MessageFlags.Ephemeral);
    expect(prepareReply({ embeds: [{ title: 't' }], ephemeral: true }, { replace: true })).toEqual({
      content: '',
      embeds: [{ title: 't' }],
      components: [],
      allowed_mentions: { parse: [] },
    });
  });

  it('cuts content to 2,000 characters at a word', () => {
    const content = prepareReply({ content: 'word '.repeat(600) }).content ?? '';
    expect(content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    expect(content.endsWith('word…')).toBe(true);
  });

  it('holds embeds to their field limits, ten per message and 6,000 characters in all', () => {
    const big = { title: 'T '.repeat(200), description: 'lorem ipsum '.repeat(500), footer: { text: 'f '.repeat(1500) } };
    expect(prepareReply({ embeds: Array.from({ length: 12 }, (_, i) => ({ title: `${i}` })) }).embeds).toHaveLength(DISCORD_LIMITS.embedsPerMessage);
    const body = prepareReply({ embeds: [...Array.from({ length: 9 }, () => big), { ...big, footer: { text: 'the last footer' } }] });
    expect(body.embeds?.at(-1)?.footer?.text).toBe('the last footer');
    for (const embed of body.embeds ?? []) {
      expect(embed.title?.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
      expect(embed.footer?.text.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedFooter);
    }
    expect((body.embeds ?? []).reduce((sum, e) => sum + embedLength(e), 0)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  });

  it('refuses a custom_id over 100 characters (it would lose the button state)', () => {
    expect(() => prepareReply({ content: 'x', components: buttonRows([{ label: 'More', customId: 'x'.repeat(101) }]) })).toThrow(/custom_id/);
  });

  it('never sends an empty message', () => {
    expect(() => prepareReply({})).toThrow(/content or an embed/);
  });
});

describe('buttonRows', () => {
  it('puts at most five buttons in a row and drops empty groups', () => {
    const buttons = Array.from({ length: 7 }, (_, i) => ({ label: `B${i}`, customId: `b:${i}` }));
    const rows = buttonRows(buttons, []);
    expect(rows.map((r) => r.components.length)).toEqual([5, 2]);
    expect(rows[0]?.type).toBe(ComponentType.ActionRow);
  });
});

describe('limitChoices', () => {
  it('keeps at most 25 choices, cuts names to 100 characters at a word, and drops values Discord would refuse', () => {
    const choices = [
      { name: `${'long name '.repeat(15)}end`, value: 'ok' },
      { name: 'too long a value', value: 'v'.repeat(101) },
      { name: '   ', value: 'blank name' },
      { name: 'empty value', value: '' },
      ...Array.from({ length: 30 }, (_, i) => ({ name: `n${i}`, value: `v${i}` })),
    ];
    const limited = limitChoices(choices);
    expect(limited).toHaveLength(DISCORD_LIMITS.autocompleteChoices);
    expect(limited[0]?.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.choiceName);
    expect(limited[0]?.name.endsWith('long name…')).toBe(true);
    expect(limited.slice(1, 3)).toEqual([
      { name: 'n0', value: 'v0' },
      { name: 'n1', value: 'v1' },
    ]);
  });
});

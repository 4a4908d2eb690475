import { describe, expect, it } from 'vitest';
import { readRawMessage } from '../../../src/core/ingest/from-email.ts';
import { articleInputFromFile } from '../../../src/core/ingest/from-file.ts';

const lines = (...text: string[]) => text.join('\r\n');
const bytes = (text: string) => new TextEncoder().encode(text);

// A newsletter as a mail client saves it: folded headers, an encoded subject, a multipart body whose
// plain-text part is quoted-printable with soft line breaks inside words and UTF-8 bytes as =XX.
const newsletter = lines(
  'Return-Path: <bounce-143@mail.example>',
  'From: Loveday at Midroll Monday <loveday@midroll.example>',
  'To: reader@inbox.example',
  'Subject: =?UTF-8?Q?Your_backup_now_ships_from_Oracle_=E2=80=94_and_it?=',
  ' =?UTF-8?Q?=E2=80=99s_slower?=',
  'Date: Sun, 31 May 2026 23:02:07 -0500',
  'List-Id: Midroll Monday <main.midroll.example>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative;',
  '\tboundary="----=_Part_1"',
  '',
  'This is a multi-part message in MIME format.',
  '',
  '------=_Part_1',
  'Content-Type: text/plain; charset=UTF-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Once the file is ready, don=E2=80=99t sit on it: the download link now expi=',
  'res after four days, and you can only file one request per calendar month.=20',
  '',
  'Messages are the other big change: conversations now arrive as one file pe=',
  'r chat instead of one giant file, and 3=3D3 is still arithmetic.',
  '',
  '------=_Part_1',
  'Content-Type: text/html; charset=UTF-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  '<html><body><p>Short HTML version.</p></body></html>',
  '------=_Part_1--',
  '',
);

describe('readRawMessage', () => {
  it('decodes the plain-text part: soft line breaks joined, =XX bytes read as UTF-8', () => {
    const message = readRawMessage(newsletter);
    expect(message?.text).toContain('don’t sit on it: the download link now expires after four days, and you can only file one request per calendar month. ');
    expect(message?.text).toContain('conversations now arrive as one file per chat instead of one giant file, and 3=3 is still arithmetic.');
    expect(message?.html).toBe('<html><body><p>Short HTML version.</p></body></html>');
  });

  it('reads the subject (encoded words joined), the list name and the day the Date header writes', () => {
    expect(readRawMessage(newsletter)).toMatchObject({ subject: 'Your backup now ships from Oracle — and it’s slower', sender: 'Midroll Monday', sent: '2026-05-31' });
    // Without a list, the sender's name; a bare address names no one.
    expect(readRawMessage(lines('From: "Press Office" <press@city.example>', 'MIME-Version: 1.0', '', 'Text.'))?.sender).toBe('Press Office');
    expect(readRawMessage(lines('From: press@city.example', 'MIME-Version: 1.0', '', 'Text.'))?.sender).toBeUndefined();
  });

  it('finds the text inside nested parts, skips attachments and decodes base64', () => {
    const text = Buffer.from('Le conseil a voté à 5 contre 2.', 'latin1').toString('base64');
    const nested = lines(
      'From: Clerk <clerk@town.example>',
      'Content-Type: multipart/mixed; boundary=outer',
      '',
      '--outer',
      'Content-Type: text/plain; name=notes.txt',
      'Content-Disposition: attachment; filename=notes.txt',
      '',
      'An attachment, not the message.',
      '--outer',
      'Content-Type: multipart/alternative; boundary="inner"',
      '',
      '--inner',
      'Content-Type: text/plain; charset=ISO-8859-1',
      'Content-Transfer-Encoding: base64',
      '',
      text,
      '--inner--',
      '--outer--',
    );
    expect(readRawMessage(nested)?.text).toBe('Le conseil a voté à 5 contre 2.');
  });

  it('reads windows-1252 by its own table: curly quotes and dashes, not control characters', () => {
    const legacy = lines('From: City <news@city.example>', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset="windows-1252"', 'Content-Transfer-Encoding: quoted-printable', '', 'Monday=92s storm =96 the worst in years.');
    expect(readRawMessage(legacy)?.text).toBe('Monday’s storm – the worst in years.');
  });

  it('is no message without a From header and one of a mail\'s own headers', () => {
    expect(readRawMessage('Subject: the budget\nDate: June 1\n\nNotes from the meeting.')).toBeUndefined();
    expect(readRawMessage('From: the mayor\n\nA letter.')).toBeUndefined();
    expect(readRawMessage('Harbour bridge reopens\n\nFrom: the council')).toBeUndefined();
  });
});

describe('a saved e-mail as an article file', () => {
  it('is read whether named .eml or .txt: subject as title, list as publisher, decoded text as body', async () => {
    for (const name of ['issue-143.eml', 'issue-143.txt']) {
      const input = await articleInputFromFile(name, bytes(newsletter));
      expect(input.ok && input.value).toMatchObject({ title: 'Your backup now ships from Oracle — and it’s slower', publisher: 'Midroll Monday', published: '2026-05-31' });
      expect(input.ok && input.value.body).toContain('the download link now expires after four days');
      expect(input.ok && input.value.body).not.toContain('=E2=80=99');
    }
  });

  it('takes the HTML part when the plain-text part is a stub, and lets the operator override the title', async () => {
    const story = 'The harbour bridge reopened on Monday after two years of repairs that cost the city far more than it planned, and traffic was back to normal by noon.';
    const htmlOnly = lines('From: City News <news@city.example>', 'Subject: Bridge reopens', 'MIME-Version: 1.0', 'Content-Type: multipart/alternative; boundary=b', '', '--b', 'Content-Type: text/plain', '', 'View in browser.', '--b', 'Content-Type: text/html; charset=utf-8', '', `<html><body><article><p>${story}</p><p>${story}</p></article></body></html>`, '--b--');
    const input = await articleInputFromFile('bridge.eml', bytes(htmlOnly), { title: 'Harbour bridge reopens' });
    expect(input.ok && input.value).toMatchObject({ title: 'Harbour bridge reopens', publisher: 'City News' });
    expect(input.ok && input.value.body).toContain(story);
  });

  it('refuses an .eml that is not a message, and reads a .txt that is not one as text', async () => {
    expect(await articleInputFromFile('notes.eml', bytes('Harbour bridge reopens\n\nThe bridge reopened on Monday.'))).toMatchObject({ ok: false, error: { code: 'unreadable' } });
    const text = await articleInputFromFile('notes.txt', bytes('Harbour bridge reopens\n\nThe bridge reopened on Monday.'));
    expect(text.ok && text.value.title).toBe('Harbour bridge reopens');
  });
});

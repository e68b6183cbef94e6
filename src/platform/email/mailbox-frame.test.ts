import { describe, expect, it } from 'vitest';
import { MAILBOX_FRAME_SANDBOX, mailboxFrameDocument } from './mailbox-frame';

describe('the dev mailbox frame', () => {
  it('sends every link to the top of the tab', () => {
    const html =
      '<html><head><meta charset="utf-8"></head><body>' +
      '<a href="https://x.test/a" target="_blank" style="color:red">A</a>' +
      '<a target=\'_self\' href="https://x.test/b">B</a></body></html>';
    expect(mailboxFrameDocument(html)).toBe(
      '<html><head><base target="_top"><meta charset="utf-8"></head><body>' +
        '<a href="https://x.test/a" style="color:red">A</a>' +
        '<a href="https://x.test/b">B</a></body></html>',
    );
    expect(mailboxFrameDocument('<p><a href="/x">x</a></p>')).toBe('<base target="_top"><p><a href="/x">x</a></p>');
  });

  it('lets links navigate on a click but never runs the email’s scripts', () => {
    expect(MAILBOX_FRAME_SANDBOX.split(' ')).toEqual(['allow-top-navigation-by-user-activation']);
  });
});

import { describe, expect, it } from 'vitest';
import { cleanPlainText } from './clean-text.js';

describe('cleanPlainText', () => {
  it('drops whole debris lines and keeps the story unchanged', () => {
    const text = [
      'Photo Credit: screenshot',
      'Rebels shot down a transport helicopter on Monday.',
      '',
      'Advertisement',
      '',
      '',
      '',
      'Five crew members were killed, the ministry said.',
      '',
      'SHARE',
      'Previous articleSome unrelated headline',
      'Next articleAnother unrelated headline',
      'Jane Roe is a Middle East news analyst with a degree in journalism from a state university.',
    ].join('\n');
    expect(cleanPlainText(text)).toBe(
      'Rebels shot down a transport helicopter on Monday.\n\nFive crew members were killed, the ministry said.',
    );
  });

  it('keeps a sentence that looks like an author note when it is inside the story', () => {
    const text = 'Ivan Petrov is a former analyst who studied the region.\n\nHe said the strike hit a depot.';
    expect(cleanPlainText(text)).toBe(text);
  });

  it('does not drop lines that merely mention a debris word', () => {
    const text = 'Officials will share the findings next week.\nThe advertisement campaign was pulled.';
    expect(cleanPlainText(text)).toBe(text);
  });

  it('drops share rows of network names', () => {
    expect(cleanPlainText('Facebook | Twitter | WhatsApp\nThe story.')).toBe('The story.');
  });
});

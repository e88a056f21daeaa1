import { describe, expect, it } from 'vitest';
import { sizeText } from './sizes.ts';

describe('sizeText', () => {
  it('says sizes the way people read them', () => {
    expect(sizeText(20 * 1024 * 1024)).toEqual({ vi: '20 MB', en: '20 MB' });
    expect(sizeText(1.5 * 1024 * 1024)).toEqual({ vi: '1,5 MB', en: '1.5 MB' });
    expect(sizeText(350 * 1024)).toEqual({ vi: '350 KB', en: '350 KB' });
    expect(sizeText(10)).toEqual({ vi: '1 KB', en: '1 KB' });
  });
});

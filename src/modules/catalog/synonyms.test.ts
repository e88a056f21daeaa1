import { describe, expect, it } from 'vitest';
import { fold } from '../../platform/text.ts';
import { compileSynonyms, defaultSynonyms, expandQuery } from './synonyms.ts';

const syn = compileSynonyms({
  ignore: ['làm', 'a', 'the'],
  groups: [
    { means: ['đăng ký khai sinh'], say: ['giấy khai sinh', 'birth', 'register a birth'] },
    { means: ['bản sao giấy khai sinh'], say: ['copy of birth certificate'] },
    { means: ['thẻ căn cước'], say: ['CCCD', 'thẻ căn cước công dân'] },
  ],
});
const expand = (q: string) => expandQuery(fold(q), syn);

describe('expandQuery', () => {
  it('puts what a phrase means in its place, filler words left out', () => {
    expect(expand('Làm giấy khai sinh')).toEqual({ exact: ['lam giay khai sinh', 'giay khai sinh'], meant: ['dang ky khai sinh'], loose: [] });
  });
  it('keeps the rest of the query, and offers the meaning alone as a last resort', () => {
    expect(expand('birth Hà Nội')).toEqual({ exact: ['birth ha noi'], meant: ['dang ky khai sinh ha noi'], loose: ['dang ky khai sinh'] });
  });
  it('takes the longest phrase: "copy of birth certificate" is not "birth"', () => {
    expect(expand('copy of birth certificate').meant).toEqual(['ban sao giay khai sinh']);
  });
  it('matches phrases whatever filler words they were written with ("thẻ" folds like "the")', () => {
    expect(expand('the can cuoc cong dan').meant).toEqual(['the can cuoc']);
    expect(expand('register the birth').meant).toEqual(['dang ky khai sinh']);
  });
  it('leaves a query without known phrases alone', () => {
    expect(expand('dang ky tam tru')).toEqual({ exact: ['dang ky tam tru'], meant: [], loose: [] });
    expect(expand('')).toEqual({ exact: [], meant: [], loose: [] });
  });
  it('reads the shipped list', () => {
    expect(expandQuery(fold('sổ đỏ'), defaultSynonyms()).meant).toEqual(['giay chung nhan dat dai']);
  });
});

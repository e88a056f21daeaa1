/** The access rules (pure): method and path patterns, deny by default. */
import { describe, expect, it } from 'vitest';
import { allowed, coversEndpoint, pathMatches } from '../src/modules/gateway/access.ts';
import { parseClientHeader, parseR1 } from '../src/modules/gateway/r1-request.ts';

describe('path patterns', () => {
  it.each([
    ['*', '/anything/at/all', true],
    ['/v1/dossiers', '/v1/dossiers', true],
    ['/v1/dossiers', '/v1/dossiers/1', false],
    ['/v1/dossiers/{id}', '/v1/dossiers/1', true],
    ['/v1/dossiers/{id}', '/v1/dossiers/', false],
    ['/v1/dossiers/*', '/v1/dossiers/1', true],
    ['/v1/dossiers/*', '/v1/dossiers/1/files', false],
    ['/v1/**', '/v1/dossiers/1/files', true],
    ['/v1/**', '/v1', true],
    ['/v1/**', '/v2/x', false],
  ])('%s matches %s: %s', (pattern, path, expected) => {
    expect(pathMatches(pattern, path)).toBe(expected);
  });
});

describe('rights', () => {
  it('deny by default; method * or exact', () => {
    expect(allowed([], 'GET', '/x')).toBe(false);
    expect(allowed([{ method: 'GET', path: '/x' }], 'get', '/x')).toBe(true);
    expect(allowed([{ method: 'GET', path: '/x' }], 'POST', '/x')).toBe(false);
    expect(allowed([{ method: '*', path: '/x' }], 'DELETE', '/x')).toBe(true);
  });

  it('a right covers the endpoints its pattern includes', () => {
    expect(coversEndpoint({ method: '*', path: '*' }, { method: 'GET', path: '/a/*' })).toBe(true);
    expect(coversEndpoint({ method: 'GET', path: '/a/*' }, { method: 'GET', path: '/a/*' })).toBe(true);
    expect(coversEndpoint({ method: 'GET', path: '/a/*' }, { method: 'POST', path: '/a/*' })).toBe(false);
    expect(coversEndpoint({ method: 'GET', path: '/a/{id}' }, { method: 'GET', path: '/b/*' })).toBe(false);
  });
});

describe('reading /r1 requests', () => {
  it('decodes each identifier part, keeps the path and query as sent', () => {
    expect(parseR1('/r1/VN/GOV/000.00.44.H56/MOTCUA/dossier-status/v1/x%20y?q=1')).toEqual({
      provider: 'VN/GOV/000.00.44.H56/MOTCUA', service: 'dossier-status', meta: null, path: '/v1/x%20y', query: '?q=1',
    });
    expect(parseR1('/r1/VN/GOV/M%C3%A1/S/x').provider).toBe('VN/GOV/Má/S');
    // PR-REST allows an encoded `/` in a code; this registry forbids `/` in identifiers, so it is refused.
    expect(() => parseR1('/r1/VN/GOV/M/S/BAR%2FSERVICE')).toThrow(/forbidden characters/);
  });

  it('names metaservices only at the service code’s place with nothing after', () => {
    expect(parseR1('/r1/VN/GOV/M/S/listMethods').meta).toBe('listMethods');
    expect(parseR1('/r1/VN/GOV/M/S/listMethods/x').meta).toBeNull();
  });

  it('client headers: four valid parts', () => {
    expect(parseClientHeader('VN/GOV/000.00.44.H56/QLVB')).toBe('VN/GOV/000.00.44.H56/QLVB');
    expect(parseClientHeader('VN/GOV/000.00.44.H56')).toBeNull();
    expect(parseClientHeader('VN/GOV/a;b/QLVB')).toBeNull();
    expect(parseClientHeader(undefined)).toBeNull();
  });
});

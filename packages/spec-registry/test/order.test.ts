import { describe, expect, it } from 'vitest';
import { compareVersions, formatProblem, parseAlias, sortApis } from '../src/index.js';

describe('parseAlias', () => {
  it.each([
    ['m365@v3', { product: 'm365', version: 'v3' }],
    ['azure@v8.1', { product: 'azure', version: 'v8.1' }],
    ['enterprise-manager@v1', { product: 'enterprise-manager', version: 'v1' }],
    ['m365', undefined],
    ['M365@v3', undefined],
    ['m365@', undefined],
    ['@v3', undefined],
    ['m365@v3@v8', undefined],
  ])('%s -> %j', (alias, want) => {
    expect(parseAlias(alias)).toEqual(want);
  });
});

describe('compareVersions', () => {
  it.each([
    ['v2', 'v8.1', -1],
    ['v8', 'v8.1', -1],
    ['v8.1', 'v8', 1],
    ['v9', 'v10', -1],
    ['v3', 'v3', 0],
    ['2', 'v3', -1],
    ['v1-beta', 'v1-alpha', 1],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});

describe('sortApis', () => {
  it('keeps products in first-appearance order and puts each product\'s versions oldest first', () => {
    const apis = ['enterprise-manager@v1', 'm365@v8', 'azure@v8.1', 'm365@v3', 'azure@v2'].map((alias) => ({ alias, ...parseAlias(alias)! }));
    expect(sortApis(apis).map((a) => a.alias)).toEqual(['enterprise-manager@v1', 'm365@v3', 'm365@v8', 'azure@v2', 'azure@v8.1']);
  });
});

describe('formatProblem', () => {
  it.each([
    [{ message: 'm', file: '/r/a.yaml', line: 3, col: 7, pointer: '#/x' }, 'a.yaml:3:7: m (#/x)'],
    [{ message: 'm', file: '/r/a.yaml' }, 'a.yaml: m'],
    [{ message: 'm', file: '/elsewhere/a.yaml', line: 1 }, '/elsewhere/a.yaml:1:1: m'],
    [{ message: 'm', pointer: '#/x' }, 'm (#/x)'],
  ])('%j -> %s', (problem, want) => {
    expect(formatProblem(problem, '/r')).toBe(want);
  });
});

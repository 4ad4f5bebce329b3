import type { InstitutionDto } from '@yilian/contracts';
import { describe, expect, it } from 'vitest';
import { toSearch } from '../../api/client';
import { ancestorsOf, buildForest } from './network.resource';

const inst = (id: string, parentId: string | null, tier: InstitutionDto['tier'], type: InstitutionDto['type'] = 'general'): InstitutionDto => ({
  id,
  code: id.toUpperCase(),
  nameZh: id,
  nameEn: id,
  shortNameZh: null,
  tier,
  grade: 'unrated',
  type,
  divisionCode: '110000',
  regionZh: '',
  regionEn: '',
  parentId,
  address: null,
  active: true,
  version: 1,
});

describe('network tree', () => {
  const all = [
    inst('village', 'township', 'village'),
    inst('township', 'county', 'township'),
    inst('county', 'nhc', 'county'),
    inst('pumch', 'nhc', 'national'),
    inst('nhc', null, 'national', 'authority'),
    inst('orphan', 'missing', 'county'),
  ];

  it('nests institutions under their parent, orders by tier, and keeps orphans as roots', () => {
    const forest = buildForest(all);
    expect(forest.map((n) => n.id)).toEqual(['nhc', 'orphan']);
    expect(forest[0]!.children.map((n) => n.id)).toEqual(['pumch', 'county']);
    expect(forest[0]!.children[1]!.children[0]!.children[0]!.id).toBe('village');
  });

  it('lists the ancestors top first', () => {
    expect(ancestorsOf(all, 'village').map((i) => i.id)).toEqual(['nhc', 'county', 'township']);
    expect(ancestorsOf(all, 'nhc')).toEqual([]);
  });
});

describe('toSearch', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(toSearch({ q: '沧州', tier: undefined, grade: '', page: 2, active: false, x: null })).toBe('?q=%E6%B2%A7%E5%B7%9E&page=2&active=false');
    expect(toSearch({})).toBe('');
    expect(toSearch(undefined)).toBe('');
  });
});

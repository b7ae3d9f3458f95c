import { describe, expect, it } from 'vitest';
import { searchKey } from '../../electron/backend/search-key';

const parts = (key: string) => key.split('\u0001');

describe('searchKey', () => {
  it('holds the names in lower case and the pinyin of Chinese names, in full and as initials', () => {
    expect(parts(searchKey('河南省教育厅', 'Henan Education Department'))).toEqual([
      '河南省教育厅',
      'henanshengjiaoyuting',
      'hnsjyt',
      'henan education department',
    ]);
  });

  it('reads a character by its word (银行, 分行 and 支行 are hang, not xing)', () => {
    expect(searchKey('招商银行')).toContain('zhaoshangyinhang');
    expect(searchKey('招商银行杭州分行西湖支行')).toContain('zhaoshangyinhanghangzhoufenhangxihuzhihang');
  });

  it('spells a short name inside the full name once: the full name already holds its pinyin', () => {
    const key = searchKey('华夏建设银行湖北省分行', null, '建设银行');
    expect(parts(key)).toEqual(['华夏建设银行湖北省分行', 'huaxiajiansheyinhanghubeishengfenhang', 'hxjsyhhbsfh', '建设银行']);
    // what a search for the short name's pinyin looks for is still there
    expect(key).toContain('jiansheyinhang');
    expect(key).toContain('jsyh');
  });

  it('spells a short name that is not inside the full name on its own', () => {
    const key = searchKey('中国移动通信集团浙江有限公司', null, '浙江移动');
    expect(key).toContain('zhejiangyidong');
    expect(parts(key)).toContain('zjyd');
  });

  it('leaves out empty names', () => {
    expect(searchKey('  ', null, undefined, 'ACME')).toBe('acme');
  });
});

describe('plainSyllable', () => {
  it('strips tone marks as pinyin-pro does, ü kept', async () => {
    const { pinyin } = await import('pinyin-pro');
    const { plainSyllable } = await import('../../electron/backend/search-key');
    for (const text of ['女儿绿色旅游', '嗯呣哼欸', '略论驴', '曾经重庆长沙行长', '１２３ABC 中文', '河南省教育厅']) {
      const none = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).map((s) => s.toLowerCase().replace(/\s+/g, ''));
      expect(pinyin(text, { type: 'array', nonZh: 'consecutive' }).map(plainSyllable)).toEqual(none);
    }
  });
});

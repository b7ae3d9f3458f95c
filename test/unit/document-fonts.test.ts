import { describe, expect, it } from 'vitest';
import { EMBEDDED_FAMILY, embeddedFontFaces } from '../../electron/backend/documents/fonts';
import { withEmbeddedFonts } from '../../electron/backend/documents/html';

const faces = (css: string) => css.split('@font-face').slice(1);

describe('embedded document fonts', () => {
  it('carries only the pieces of Noto Sans SC that the text needs, regular and bold, as data URLs', () => {
    const latin = faces(embeddedFontFaces('Account plan 2027'));
    const chinese = faces(embeddedFontFaces('Account plan 2027 河南省教育厅 决策链图谱'));
    // Latin text needs a piece or two per weight; Chinese characters bring in the pieces that hold them
    expect(latin.length).toBeGreaterThanOrEqual(2);
    expect(latin.length).toBeLessThanOrEqual(4);
    expect(chinese.length).toBeGreaterThan(latin.length);
    expect(chinese.length).toBeLessThan(40);
    for (const f of chinese) {
      expect(f).toContain(`font-family:"${EMBEDDED_FAMILY}"`);
      expect(f).toMatch(/font-weight:(400|700);/);
      expect(f).toMatch(/src:url\(data:font\/woff2;base64,[A-Za-z0-9+/]{1000,}={0,2}\) format\("woff2"\)/);
      expect(f).toMatch(/unicode-range:U\+[0-9a-f]/);
    }
    expect(new Set(chinese.map((f) => /font-weight:(\d+)/.exec(f)![1]))).toEqual(new Set(['400', '700']));
  });

  it('puts the fonts in the document head', () => {
    const html = withEmbeddedFonts('<!doctype html><html><head><title>t</title></head><body>计划</body></html>');
    expect(html.indexOf('@font-face')).toBeGreaterThan(html.indexOf('<head>'));
    expect(html.indexOf('@font-face')).toBeLessThan(html.indexOf('</head>'));
    expect(() => withEmbeddedFonts('<p>no head</p>')).toThrow();
  });
});

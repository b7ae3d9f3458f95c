/**
 * The renderer's translated error messages: the reply's params fill the message, and params that
 * are keys of a vocabulary (a plan's status) are said in words.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { errorParams } from '../../renderer/src/lib/error-params';
import { messages, type Locale } from '../../shared/i18n';

async function tFor(lng: Locale) {
  const i = i18next.createInstance();
  await i.init({ lng, resources: { [lng]: { translation: messages[lng] } }, interpolation: { escapeValue: false } });
  return i.t;
}

/** What errorText shows for a reply: errors.<code> with the params in words. */
const text = (t: Awaited<ReturnType<typeof tFor>>, e: { code: string; params: Record<string, string | number> }) =>
  t(`errors.${e.code}`, errorParams(t, e.code, e.params));

describe('error messages', () => {
  it('says a refused plan status move in words, in both languages', async () => {
    const e = { code: 'plan-transition', params: { from: 'draft', to: 'approved' } };
    const zh = text(await tFor('zh-CN'), e);
    expect(zh).toContain(`从 ${messages['zh-CN'].planEditor.status.draft} 变为 ${messages['zh-CN'].planEditor.status.approved}`);
    expect(zh).not.toMatch(/draft|approved/);
    expect(text(await tFor('en'), e)).toContain(`from ${messages.en.planEditor.status.draft} to ${messages.en.planEditor.status.approved}`);
  });

  it('says why an output path cannot be written in words, and names a refused control character', async () => {
    const e = { code: 'out-path-invalid', params: { path: '/tmp/out', reason: 'is-folder' } };
    expect(text(await tFor('zh-CN'), e)).toBe(`无法写入 /tmp/out：${messages['zh-CN'].pathReason['is-folder']}。未写入任何内容。`);
    expect(text(await tFor('en'), e)).toContain(messages.en.pathReason['is-folder']);
    expect(text(await tFor('en'), { code: 'text-control-char', params: { field: 'name', char: 'U+202E' } })).toContain('(U+202E)');
  });

  it('fills other params as they are', async () => {
    const e = { code: 'import-bad-map', params: { column: '客户' } };
    expect(text(await tFor('en'), e)).toBe(messages.en.errors['import-bad-map'].replace('{{column}}', '客户'));
  });
});

describe('another process on the database', () => {
  it('names it in words, in both languages (db-in-use, db-busy)', async () => {
    const params = { kind: 'preview', pid: 4242, host: 'vm', since: '2026-12-07 09:30:00', user: '', others: 0 };
    const zh = await tFor('zh-CN');
    const en = await tFor('en');
    for (const code of ['db-in-use', 'db-busy']) {
      const z = text(zh, { code, params });
      expect(z).toContain(messages['zh-CN'].processKind.preview);
      expect(z).toContain('4242');
      expect(z).not.toMatch(/preview|\{\{/);
      const e = text(en, { code, params });
      expect(e).toContain(`${messages.en.processKind.preview} (process 4242 on vm, since 2026-12-07 09:30:00)`);
      expect(e).not.toMatch(/[\u4e00-\u9fff]|\{\{/);
    }
    expect(text(en, { code: 'db-busy', params })).toMatch(/^The database is busy: the browser preview/);
    expect(text(zh, { code: 'db-busy', params: { ...params, kind: 'unknown' } })).toContain(messages['zh-CN'].processKind.unknown);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, trustedHtml } from './html.js';

const unescape = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('escapeHtml', () => {
  it('escapes the five characters that matter in bodies and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('leaves no markup character behind and loses nothing (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const escaped = escapeHtml(s);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(escaped.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        expect(unescape(escaped)).toBe(s);
      }),
    );
  });
});

describe('html', () => {
  it('escapes interpolations, joins arrays, drops null/undefined/false, keeps trusted markup', () => {
    const name = '<script>alert(1)</script>';
    const out = html`<p title="${'"x"'}">${name}${[html`<b>${'&'}</b>`, '<i>']}${null}${undefined}${false}${0}${trustedHtml('<svg></svg>')}</p>`;
    expect(out.value).toBe('<p title="&quot;x&quot;">&lt;script&gt;alert(1)&lt;/script&gt;<b>&amp;</b>&lt;i&gt;0<svg></svg></p>');
  });

  it('does not escape a fragment twice when nested', () => {
    const inner = html`<em>${'a<b'}</em>`;
    expect(html`<div>${inner}</div>`.value).toBe('<div><em>a&lt;b</em></div>');
  });
});

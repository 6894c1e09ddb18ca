import { createHash } from 'node:crypto';
import type { EnforcementCategory } from '../organisation/tables.js';
import { html, trustedHtml, type SafeHtml } from './html.js';
import { verifyPath, type CertificateVerification, type PublicAgency, type PublicOfficer } from './presenters.js';
import { categoryLabels, portalText as T, verdictLabels, type Label, type PortalLanguage } from './text.js';

/**
 * The public portal's server-rendered pages. They take presented objects only (never table rows),
 * so a page can show no more than the JSON twin of the same data.
 */

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 -apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2329;background:#f5f6f8}
header{background:#b71c1c;color:#fff;padding:10px 16px;display:flex;align-items:center;gap:16px;white-space:nowrap;overflow-x:auto}
header a{color:#fff;text-decoration:none}
header .site{font-size:20px;font-weight:600;margin-right:auto;overflow:hidden;text-overflow:ellipsis}
header .lang{border:1px solid #ffd7d7;border-radius:4px;padding:0 8px;font-size:14px}
main{max-width:960px;margin:0 auto;padding:16px}
footer{max-width:960px;margin:0 auto;padding:16px;color:#646a73;font-size:13px}
h1{font-size:22px;margin:8px 0 16px}h2{font-size:19px;margin:24px 0 8px}h3{font-size:17px;margin:0 0 8px}
.note{color:#646a73;font-size:.9em}
.card{background:#fff;border:1px solid #e4e6eb;border-radius:8px;padding:16px;margin:0 0 12px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}dt{color:#646a73}dd{margin:0;overflow-wrap:anywhere}
form.search{display:flex;gap:8px}
form.search input{flex:1;min-width:0;font-size:16px;padding:8px 10px;border:1px solid #c9cdd4;border-radius:6px}
form.search button{font-size:16px;padding:8px 20px;border:0;border-radius:6px;background:#b71c1c;color:#fff;white-space:nowrap}
td.nowrap{white-space:nowrap}
table{width:100%;border-collapse:collapse;background:#fff}th,td{border-bottom:1px solid #e4e6eb;padding:8px;text-align:left;vertical-align:top}
.notice{color:#a15c00}.error{color:#c62828}
.verdict{border-radius:8px;padding:20px;color:#fff;margin:0 0 16px}
.verdict .big{font-size:40px;font-weight:700;line-height:1.2}
.verdict.ok{background:#1b7f3b}.verdict.bad{background:#c62828}
.holder{display:flex;gap:16px;flex-wrap:wrap}
.holder img{width:132px;height:176px;object-fit:cover;border:1px solid #e4e6eb;border-radius:4px;background:#eee}
.qr{text-align:center}.qr svg{width:160px;height:160px}
.status-valid{color:#1b7f3b;font-weight:600}.status-bad{color:#c62828;font-weight:600}
@media (max-width:640px){
header{padding:8px 12px;gap:12px}header .site{font-size:16px}header .nav-home{display:none}
main{padding:12px}h1{font-size:20px}
table.officers,table.officers tbody,table.officers tr,table.officers td{display:block;width:100%}
table.officers{background:none}table.officers thead{display:none}
table.officers tr{background:#fff;border:1px solid #e4e6eb;border-radius:8px;padding:8px 12px;margin:0 0 12px}
table.officers td{border:0;padding:2px 0;display:grid;grid-template-columns:6em 1fr;gap:8px;white-space:normal;overflow-wrap:anywhere}
table.officers td::before{content:attr(data-label);color:#646a73}
}
`;

/** The CSP source that allows exactly this style sheet and no other inline style (CSP Level 2 hash source). */
export const PAGE_STYLE_SOURCE = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/**
 * What every page needs besides its data: the reader's language (Chinese unless chosen) and the
 * address of this same page in the other language, for the header's switch.
 */
export interface PageContext {
  lang: PortalLanguage;
  switchHref: string;
}

const HTML_LANG: Record<PortalLanguage, string> = { zh: 'zh-CN', en: 'en' };

const categoriesText = (categories: EnforcementCategory[], lang: PortalLanguage) =>
  categories.map((c) => categoryLabels[c][lang]).join(lang === 'zh' ? '、' : ', ') || '—';
const orDash = (value: string | null) => value || '—';
const phoneLink = (phone: string | null) => (phone ? html`<a href="tel:${phone.replace(/[^0-9+]/g, '')}">${phone}</a>` : '—');

function layout(ctx: PageContext, title: string, body: SafeHtml): string {
  const { lang } = ctx;
  const other = lang === 'zh' ? 'en' : 'zh';
  return html`<!doctype html>
<html lang="${HTML_LANG[lang]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title === T.siteTitle[lang] ? title : `${title} · ${T.siteTitle[lang]}`}</title>
<style>${trustedHtml(STYLE)}</style>
</head>
<body>
<header><a class="site" href="/">${T.siteTitle[lang]}</a><a class="nav-home" href="/">${T.navHome[lang]}</a><a href="/officers">${T.navOfficers[lang]}</a><a class="lang" href="${ctx.switchHref}" hreflang="${HTML_LANG[other]}" lang="${HTML_LANG[other]}">${T.languageName[other]}</a></header>
<main>
${body}
</main>
<footer>${T.footer[lang]}</footer>
</body>
</html>`.value;
}

/** The certificate search box; the home page and the search page share it. */
export function searchForm(lang: PortalLanguage, q = ''): SafeHtml {
  return html`<form class="search" method="get" action="/officers" role="search">
<input type="search" name="q" value="${q}" minlength="2" maxlength="50" required placeholder="${T.searchPlaceholder[lang]}" aria-label="${T.searchPlaceholder[lang]}">
<button type="submit">${T.searchButton[lang]}</button>
</form>`;
}

function agencyCard(a: PublicAgency, lang: PortalLanguage): SafeHtml {
  return html`<section class="card">
<h3>${a.name}</h3>
<dl>
<dt>${T.head[lang]}</dt><dd>${orDash(a.headName)}</dd>
<dt>${T.address[lang]}</dt><dd>${orDash(a.address)}</dd>
<dt>${T.phone[lang]}</dt><dd>${phoneLink(a.phone)}</dd>
<dt>${T.supervisionPhone[lang]}</dt><dd>${phoneLink(a.supervisionPhone)}</dd>
<dt>${T.categories[lang]}</dt><dd>${categoriesText(a.categories, lang)}</dd>
<dt>${T.area[lang]}</dt><dd>${orDash(a.area)}</dd>
</dl>
</section>`;
}

/** Consecutive agencies of the same region (the list is in region order) under one heading. */
function byRegion(list: PublicAgency[], lang: PortalLanguage): SafeHtml[] {
  const groups: { regionCode: string; regionName: string; agencies: PublicAgency[] }[] = [];
  for (const a of list) {
    const last = groups.at(-1);
    if (last && last.regionCode === a.regionCode) last.agencies.push(a);
    else groups.push({ regionCode: a.regionCode, regionName: a.regionName, agencies: [a] });
  }
  return groups.map((g) => html`<h3 class="region">${g.regionName}</h3>${g.agencies.map((a) => agencyCard(a, lang))}`);
}

/** GET / — the agencies (P2, P13) and the certificate search box (P12). */
export function homePage(ctx: PageContext, data: { agencies: PublicAgency[]; supervisors: PublicAgency[] }): string {
  const { lang } = ctx;
  return layout(
    ctx,
    T.siteTitle[lang],
    html`<h1>${T.siteTitle[lang]}</h1>
<section class="card"><h2>${T.searchTitle[lang]}</h2>${searchForm(lang)}</section>
<h2>${T.agencies[lang]}</h2>
<p class="note">${T.agenciesNote[lang]}</p>
${data.agencies.length ? byRegion(data.agencies, lang) : html`<p>${T.noAgencies[lang]}</p>`}
${data.supervisors.length ? html`<h2>${T.supervisors[lang]}</h2>${byRegion(data.supervisors, lang)}` : ''}`,
  );
}

function statusText(status: PublicOfficer['status'], lang: PortalLanguage): SafeHtml {
  return html`<span class="${status === 'valid' ? 'status-valid' : 'status-bad'}">${verdictLabels[status][lang]}</span>`;
}

/**
 * GET /officers — the public officer search (P12). A table on wide screens; on a phone each row
 * becomes a card whose cells carry their column's name (data-label, shown by the style sheet).
 */
export function officersPage(
  ctx: PageContext,
  view: { q: string; problem: Label | null; result: { items: PublicOfficer[]; truncated: boolean } | null },
): string {
  const { lang } = ctx;
  const { q, problem, result } = view;
  const agencyColumn = `${T.agency[lang]} / ${T.division[lang]}`;
  const rows = result?.items.map(
    (o) => html`<tr>
<td data-label="${T.name[lang]}"><a href="${verifyPath(o.certificateNumber)}">${o.name}</a></td>
<td data-label="${agencyColumn}">${o.agencyName}${o.divisionName ? html`<br>${o.divisionName}` : ''}</td>
<td data-label="${T.categories[lang]}">${categoriesText(o.categories, lang)}</td>
<td data-label="${T.area[lang]}">${orDash(o.area)}</td>
<td data-label="${T.certificateNumber[lang]}" class="nowrap">${o.certificateNumber}</td>
<td data-label="${T.validity[lang]}" class="nowrap">${o.issuedOn} ${T.until[lang]}<br>${o.expiresOn}</td>
<td data-label="${T.status[lang]}">${statusText(o.status, lang)}</td>
</tr>`,
  );
  return layout(
    ctx,
    T.navOfficers[lang],
    html`<h1>${T.navOfficers[lang]}</h1>
${searchForm(lang, q)}
${problem ? html`<p class="error">${problem[lang]}</p>` : ''}
${result && !result.items.length ? html`<p>${T.noResults[lang]}</p>` : ''}
${
  result?.items.length
    ? html`<h2>${T.results[lang]}</h2>
<table class="officers">
<thead><tr><th>${T.name[lang]}</th><th>${agencyColumn}</th><th>${T.categories[lang]}</th><th>${T.area[lang]}</th><th>${T.certificateNumber[lang]}</th><th>${T.validity[lang]}</th><th>${T.status[lang]}</th></tr></thead>
<tbody>${rows}</tbody>
</table>
${result.truncated ? html`<p class="notice">${T.truncated[lang]}</p>` : ''}`
    : ''
}`,
  );
}

/** GET /verify/officer/:certificateNumber — a big verdict first, then the holder, then the QR code (P3). */
export function verifyPage(ctx: PageContext, v: CertificateVerification, qrSvg: SafeHtml): string {
  const { lang } = ctx;
  const ok = v.status === 'valid';
  return layout(
    ctx,
    `${T.verifyTitle[lang]} ${v.certificateNumber}`,
    html`<section class="verdict ${ok ? 'ok' : 'bad'}" role="status">
<div class="big">${verdictLabels[v.status][lang]}</div>
<div>${ok ? T.verifyValidNote[lang] : T.verifyInvalidNote[lang]}</div>
<div>${T.verifyAsOf[lang]}${T.colon[lang]}${v.checkedOn}</div>
</section>
<section class="card holder">
${v.photoUrl ? html`<img src="${v.photoUrl}" alt="${T.photo[lang]} ${v.name}">` : ''}
<dl>
<dt>${T.name[lang]}</dt><dd>${v.name}</dd>
<dt>${T.certificateNumber[lang]}</dt><dd>${v.certificateNumber}</dd>
<dt>${T.agency[lang]}</dt><dd>${v.agencyName}</dd>
<dt>${T.categories[lang]}</dt><dd>${categoriesText(v.categories, lang)}</dd>
<dt>${T.area[lang]}</dt><dd>${orDash(v.area)}</dd>
<dt>${T.issuedOn[lang]}</dt><dd>${v.issuedOn}</dd>
<dt>${T.expiresOn[lang]}</dt><dd>${v.expiresOn}</dd>
<dt>${T.status[lang]}</dt><dd>${statusText(v.status, lang)}</dd>
</dl>
</section>
<section class="card qr">${qrSvg}<div>${T.qrCaption[lang]}</div></section>`,
  );
}

/** The verification page for a number that matches no published certificate (served with 404). */
export function verifyNotFoundPage(ctx: PageContext, certificateNumber: string, checkedOn: string): string {
  const { lang } = ctx;
  return layout(
    ctx,
    `${T.verifyTitle[lang]} ${verdictLabels.not_found[lang]}`,
    html`<section class="verdict bad" role="status">
<div class="big">${verdictLabels.not_found[lang]}</div>
<div>${T.certificateNumber[lang]}${T.colon[lang]}${certificateNumber || '—'}</div>
<div>${T.verifyAsOf[lang]}${T.colon[lang]}${checkedOn}</div>
</section>
<p>${T.verifyNotFound[lang]}</p>
<section class="card"><h2>${T.searchTitle[lang]}</h2>${searchForm(lang)}</section>`,
  );
}

/** The answer to a client that checked too many certificates in a minute (served with 429). */
export function throttledPage(ctx: PageContext): string {
  const { lang } = ctx;
  return layout(
    ctx,
    T.throttledTitle[lang],
    html`<section class="verdict bad" role="status"><div class="big">${T.throttledTitle[lang]}</div></section>
<p>${T.throttledNote[lang]}</p>`,
  );
}

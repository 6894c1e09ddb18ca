import { createHash } from 'node:crypto';
import type { EnforcementCategory } from '../organisation/tables.js';
import { html, trustedHtml, type SafeHtml } from './html.js';
import { verifyPath, type CertificateVerification, type PublicAgency, type PublicOfficer } from './presenters.js';
import { categoryLabels, portalText as T, verdictLabels, type Label } from './text.js';

/**
 * The public portal's server-rendered pages. They take presented objects only (never table rows),
 * so a page can show no more than the JSON twin of the same data.
 */

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 -apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2329;background:#f5f6f8}
header{background:#b71c1c;color:#fff;padding:12px 16px}
header a{color:#fff;text-decoration:none;margin-right:16px}
header .site{font-size:20px;font-weight:600;margin-right:24px}
main{max-width:960px;margin:0 auto;padding:16px}
footer{max-width:960px;margin:0 auto;padding:16px;color:#646a73;font-size:13px}
h1{font-size:22px;margin:8px 0 16px}h2{font-size:19px;margin:24px 0 8px}h3{font-size:17px;margin:0 0 8px}
.en{color:#646a73;font-size:.85em;font-weight:normal}
header .en{color:#ffd7d7}
.card{background:#fff;border:1px solid #e4e6eb;border-radius:8px;padding:16px;margin:0 0 12px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}dt{color:#646a73}dd{margin:0}
form.search{display:flex;gap:8px;flex-wrap:wrap}
form.search input{flex:1;min-width:200px;font-size:16px;padding:8px 10px;border:1px solid #c9cdd4;border-radius:6px}
form.search button{font-size:16px;padding:8px 20px;border:0;border-radius:6px;background:#b71c1c;color:#fff}
.table-wrap{overflow-x:auto}td.nowrap{white-space:nowrap}
table{width:100%;border-collapse:collapse;background:#fff}th,td{border-bottom:1px solid #e4e6eb;padding:8px;text-align:left;vertical-align:top}
.notice{color:#a15c00}.error{color:#c62828}
.verdict{border-radius:8px;padding:20px;color:#fff;margin:0 0 16px}
.verdict .big{font-size:40px;font-weight:700;line-height:1.2}
.verdict.ok{background:#1b7f3b}.verdict.bad{background:#c62828}
.verdict .en{color:#fff;opacity:.9}
.holder{display:flex;gap:16px;flex-wrap:wrap}
.holder img{width:132px;height:176px;object-fit:cover;border:1px solid #e4e6eb;border-radius:4px;background:#eee}
.qr{text-align:center}.qr svg{width:160px;height:160px}
.status-valid{color:#1b7f3b;font-weight:600}.status-bad{color:#c62828;font-weight:600}
`;

/** The CSP source that allows exactly this style sheet and no other inline style (CSP Level 2 hash source). */
export const PAGE_STYLE_SOURCE = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/** A bilingual label: Chinese, then the English in a quieter span. */
export const label = (l: Label): SafeHtml => html`${l.zh} <span class="en">${l.en}</span>`;

const categoriesText = (categories: EnforcementCategory[]) => categories.map((c) => categoryLabels[c].zh).join('、') || '—';
const orDash = (value: string | null) => value || '—';
const phoneLink = (phone: string | null) => (phone ? html`<a href="tel:${phone.replace(/[^0-9+]/g, '')}">${phone}</a>` : '—');

function layout(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · ${T.siteTitle.zh}</title>
<style>${trustedHtml(STYLE)}</style>
</head>
<body>
<header><a class="site" href="/">${label(T.siteTitle)}</a><a href="/">${label(T.navHome)}</a><a href="/officers">${label(T.navOfficers)}</a></header>
<main>
${body}
</main>
<footer>${label(T.footer)}</footer>
</body>
</html>`.value;
}

/** The certificate search box; the home page and the search page share it. */
export function searchForm(q = ''): SafeHtml {
  return html`<form class="search" method="get" action="/officers" role="search">
<input type="search" name="q" value="${q}" minlength="2" maxlength="50" required placeholder="${T.searchPlaceholder.zh} ${T.searchPlaceholder.en}" aria-label="${T.searchPlaceholder.zh}">
<button type="submit">${T.searchButton.zh}</button>
</form>`;
}

function agencyCard(a: PublicAgency): SafeHtml {
  return html`<section class="card">
<h3>${a.name}</h3>
<dl>
<dt>${label(T.head)}</dt><dd>${orDash(a.headName)}</dd>
<dt>${label(T.address)}</dt><dd>${orDash(a.address)}</dd>
<dt>${label(T.phone)}</dt><dd>${phoneLink(a.phone)}</dd>
<dt>${label(T.supervisionPhone)}</dt><dd>${phoneLink(a.supervisionPhone)}</dd>
<dt>${label(T.categories)}</dt><dd>${categoriesText(a.categories)}</dd>
<dt>${label(T.area)}</dt><dd>${orDash(a.area)}</dd>
</dl>
</section>`;
}

/** Consecutive agencies of the same region (the list is in region order) under one heading. */
function byRegion(list: PublicAgency[]): SafeHtml[] {
  const groups: { regionCode: string; regionName: string; agencies: PublicAgency[] }[] = [];
  for (const a of list) {
    const last = groups.at(-1);
    if (last && last.regionCode === a.regionCode) last.agencies.push(a);
    else groups.push({ regionCode: a.regionCode, regionName: a.regionName, agencies: [a] });
  }
  return groups.map((g) => html`<h3 class="region">${g.regionName}</h3>${g.agencies.map(agencyCard)}`);
}

/** GET / — the agencies (P2, P13) and the certificate search box (P12). */
export function homePage(data: { agencies: PublicAgency[]; supervisors: PublicAgency[] }): string {
  return layout(
    T.siteTitle.zh,
    html`<h1>${label(T.siteTitle)}</h1>
<section class="card"><h2>${label(T.searchTitle)}</h2>${searchForm()}</section>
<h2>${label(T.agencies)}</h2>
<p class="en">${T.agenciesNote.zh} · ${T.agenciesNote.en}</p>
${data.agencies.length ? byRegion(data.agencies) : html`<p>${label(T.noAgencies)}</p>`}
${data.supervisors.length ? html`<h2>${label(T.supervisors)}</h2>${byRegion(data.supervisors)}` : ''}`,
  );
}

function statusText(status: PublicOfficer['status']): SafeHtml {
  return html`<span class="${status === 'valid' ? 'status-valid' : 'status-bad'}">${verdictLabels[status].zh}</span>`;
}

/** GET /officers — the public officer search (P12). */
export function officersPage(view: { q: string; problem: Label | null; result: { items: PublicOfficer[]; truncated: boolean } | null }): string {
  const { q, problem, result } = view;
  const rows = result?.items.map(
    (o) => html`<tr>
<td><a href="${verifyPath(o.certificateNumber)}">${o.name}</a></td>
<td>${o.agencyName}${o.divisionName ? html`<br>${o.divisionName}` : ''}</td>
<td>${categoriesText(o.categories)}</td>
<td>${orDash(o.area)}</td>
<td class="nowrap">${o.certificateNumber}</td>
<td class="nowrap">${o.issuedOn} 至<br>${o.expiresOn}</td>
<td>${statusText(o.status)}</td>
</tr>`,
  );
  return layout(
    T.navOfficers.zh,
    html`<h1>${label(T.navOfficers)}</h1>
${searchForm(q)}
${problem ? html`<p class="error">${label(problem)}</p>` : ''}
${result && !result.items.length ? html`<p>${label(T.noResults)}</p>` : ''}
${
  result?.items.length
    ? html`<h2>${label(T.results)}</h2>
<div class="table-wrap"><table>
<thead><tr><th>${label(T.name)}</th><th>${label(T.agency)} / ${label(T.division)}</th><th>${label(T.categories)}</th><th>${label(T.area)}</th><th>${label(T.certificateNumber)}</th><th>${label(T.validity)}</th><th>${label(T.status)}</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
${result.truncated ? html`<p class="notice">${label(T.truncated)}</p>` : ''}`
    : ''
}`,
  );
}

/** GET /verify/officer/:certificateNumber — a big verdict first, then the holder, then the QR code (P3). */
export function verifyPage(v: CertificateVerification, qrSvg: SafeHtml): string {
  const ok = v.status === 'valid';
  return layout(
    `${T.verifyTitle.zh} ${v.certificateNumber}`,
    html`<section class="verdict ${ok ? 'ok' : 'bad'}" role="status">
<div class="big">${verdictLabels[v.status].zh} <span class="en">${verdictLabels[v.status].en}</span></div>
<div>${ok ? label(T.verifyValidNote) : label(T.verifyInvalidNote)}</div>
<div>${label(T.verifyAsOf)}：${v.checkedOn}</div>
</section>
<section class="card holder">
${v.photoUrl ? html`<img src="${v.photoUrl}" alt="${T.photo.zh} ${v.name}">` : ''}
<dl>
<dt>${label(T.name)}</dt><dd>${v.name}</dd>
<dt>${label(T.certificateNumber)}</dt><dd>${v.certificateNumber}</dd>
<dt>${label(T.agency)}</dt><dd>${v.agencyName}</dd>
<dt>${label(T.categories)}</dt><dd>${categoriesText(v.categories)}</dd>
<dt>${label(T.area)}</dt><dd>${orDash(v.area)}</dd>
<dt>${label(T.issuedOn)}</dt><dd>${v.issuedOn}</dd>
<dt>${label(T.expiresOn)}</dt><dd>${v.expiresOn}</dd>
<dt>${label(T.status)}</dt><dd>${statusText(v.status)}</dd>
</dl>
</section>
<section class="card qr">${qrSvg}<div>${label(T.qrCaption)}</div></section>`,
  );
}

/** The verification page for a number that matches no published certificate (served with 404). */
export function verifyNotFoundPage(certificateNumber: string, checkedOn: string): string {
  return layout(
    `${T.verifyTitle.zh} ${verdictLabels.not_found.zh}`,
    html`<section class="verdict bad" role="status">
<div class="big">${verdictLabels.not_found.zh} <span class="en">${verdictLabels.not_found.en}</span></div>
<div>${label(T.certificateNumber)}：${certificateNumber || '—'}</div>
<div>${label(T.verifyAsOf)}：${checkedOn}</div>
</section>
<p>${T.verifyNotFound.zh}</p><p class="en">${T.verifyNotFound.en}</p>
<section class="card"><h2>${label(T.searchTitle)}</h2>${searchForm()}</section>`,
  );
}

/** The answer to a client that checked too many certificates in a minute (served with 429). */
export function throttledPage(): string {
  return layout(
    T.throttledTitle.zh,
    html`<section class="verdict bad" role="status"><div class="big">${T.throttledTitle.zh} <span class="en">${T.throttledTitle.en}</span></div></section>
<p>${T.throttledNote.zh}</p><p class="en">${T.throttledNote.en}</p>`,
  );
}

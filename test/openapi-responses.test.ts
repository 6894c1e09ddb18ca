/**
 * Responses as the OpenAPI document describes them (issue 8, "The house"): every operation declares
 * what each success status answers — a JSON schema with no shapeless object left unexplained, a
 * binary content type, or an explained empty body — and no case-record answer, as any role, carries
 * a natural person's full ID number (only the masked form, 532301********1234).
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPng } from '../src/organisation/people/test-support.js';
import { maskIdNumber } from '../src/organisation/check-digits.js';
import { sampleDocumentFields } from '../src/demo/document-fields.js';
import { encodeMetadata, jpeg, listen } from '../src/recording/evidence/test-support.js';
import { pdfText, zipText } from './binary-text.js';
import { PASSWORD } from './factories.js';
import { createTestApp, loginAs, type Session, type TestContext } from './harness.js';
import { buildRecordingWorld, partyCompany, partyPerson, recordingSessions, type RecordingWorld } from './recording-world.js';

type Schema = Record<string, unknown> & {
  type?: string | string[];
  description?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  $ref?: string;
};
type ResponseObject = { description?: string; content?: Record<string, { schema?: Schema }> };
type OpenApi = { paths: Record<string, Record<string, { responses?: Record<string, ResponseObject> }>>; components?: { schemas?: Record<string, Schema> } };

const JSON_TYPES = /^application\/(.+\+)?json$/;
const COMBINATORS = ['anyOf', 'oneOf', 'allOf'] as const;

/**
 * Where a schema leaves a value untyped: an object with no properties and no typed values, or a
 * schema that constrains nothing. Free-form records are allowed only with a description saying
 * what they hold (a JSON Schema, a recorded payload), so no untyped object slips in unexplained.
 */
function untypedPlaces(schema: Schema, doc: OpenApi, at: string, out: string[] = []): string[] {
  if (schema.$ref) return untypedPlaces(doc.components?.schemas?.[schema.$ref.split('/').at(-1)!] ?? {}, doc, at, out);
  if (schema.description) {
    const open = schema.additionalProperties === undefined || schema.additionalProperties === true || Object.keys(schema.additionalProperties).length === 0;
    if (!schema.properties && open) return out; // explained free-form
  }
  const types = [schema.type ?? []].flat();
  const constrained = types.length > 0 || COMBINATORS.some((k) => schema[k]) || 'enum' in schema || 'const' in schema || 'not' in schema;
  if (!constrained) out.push(at);
  if (types.includes('object')) {
    const additional = schema.additionalProperties;
    if (!schema.properties && (additional === undefined || additional === true || (typeof additional === 'object' && Object.keys(additional).length === 0))) out.push(at);
    for (const [name, child] of Object.entries(schema.properties ?? {})) untypedPlaces(child, doc, `${at}.${name}`, out);
    if (typeof additional === 'object' && Object.keys(additional).length > 0) untypedPlaces(additional, doc, `${at}.*`, out);
  }
  if (schema.items) untypedPlaces(schema.items, doc, `${at}[]`, out);
  for (const k of COMBINATORS) for (const [i, child] of ((schema[k] as Schema[] | undefined) ?? []).entries()) untypedPlaces(child, doc, `${at}|${i}`, out);
  return out;
}

/** Why an operation's success answers are not described, or [] when they are. */
function undescribedSuccess(doc: OpenApi, method: string, path: string): string[] {
  const responses = doc.paths[path]![method]!.responses ?? {};
  const success = Object.entries(responses).filter(([status]) => /^2/.test(status));
  if (success.length === 0) return ['no 2xx response declared'];
  const problems: string[] = [];
  for (const [status, response] of success) {
    const content = Object.entries(response.content ?? {});
    if (content.length === 0) {
      if (status !== '204' && (!response.description || response.description === 'Default Response')) problems.push(`${status}: no body and no description of it`);
      continue;
    }
    for (const [type, media] of content) {
      if (!media.schema) problems.push(`${status} ${type}: no schema`);
      else if (JSON_TYPES.test(type)) for (const place of untypedPlaces(media.schema, doc, 'body')) problems.push(`${status}: ${place} is untyped`);
      else if (media.schema.format !== 'binary') problems.push(`${status} ${type}: not described as binary`);
    }
  }
  return problems;
}

let ctx: TestContext;
let doc: OpenApi;

beforeAll(async () => {
  ctx = await createTestApp({ now: '2026-11-23T01:00:00Z', config: { sessionTtlMinutes: 60 * 24 * 365 } }); // Mon 09:00 in China
  doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
});
afterAll(() => ctx.close());

describe('GET /api/openapi.json', () => {
  it('declares for every operation what each success status answers (typed JSON, binary content, or an explained empty body)', () => {
    const failures: string[] = [];
    for (const [path, item] of Object.entries(doc.paths))
      for (const method of Object.keys(item)) for (const problem of undescribedSuccess(doc, method, path)) failures.push(`${method.toUpperCase()} ${path} — ${problem}`);
    expect(failures).toEqual([]);
  });

  it('finds an untyped object wherever it hides, unless it is explained', () => {
    // The checker itself, on the shapes the routes used to answer with.
    const record = { type: 'object', propertyNames: { type: 'string' }, additionalProperties: {} };
    expect(untypedPlaces({ type: 'object', properties: { items: { type: 'array', items: record } } }, doc, 'body')).toEqual(['body.items[]']);
    expect(untypedPlaces({ type: 'object', properties: { a: {} } }, doc, 'body')).toEqual(['body.a']);
    expect(untypedPlaces({ ...record, description: 'a JSON Schema' }, doc, 'body')).toEqual([]);
    expect(untypedPlaces({ type: 'object', additionalProperties: { type: 'boolean' } }, doc, 'body')).toEqual([]);
  });
});

describe('case-record answers as every role (a natural person’s ID number leaves only masked)', () => {
  let world: RecordingWorld;
  let person: ReturnType<typeof partyPerson>;
  /** Every answer the sweep saw: the setup's writes and every read. */
  const seen: { what: string; res: LightMyRequestResponse }[] = [];
  const ids: Record<string, string[]> = { cases: [], documents: [], evidence: [], 'access-requests': [], format: ['pdf', 'docx'] };

  const today = () => new Date(ctx.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const doc$ = (docType: string, sign = false) => ({
    docType,
    fields: sampleDocumentFields(docType, today()),
    ...(sign ? { signature: { imageDataUrl: `data:image/png;base64,${tinyPng(3).toString('base64')}` } } : {}),
  });
  const NO_AV = { av: '执法记录仪故障，已在笔录中注明' };

  async function send(session: Session, method: 'POST' | 'GET', url: string, body?: unknown, status = 200) {
    const res = await session.request(method, url, body);
    seen.push({ what: `${method} ${url}`, res });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res.json();
  }

  beforeAll(async () => {
    world = await buildRecordingWorld(ctx.database);
    const s = await recordingSessions(ctx);
    person = partyPerson();
    const group = [
      { personId: world.people.li.id, role: 'leader' },
      { personId: world.people.wang.id, role: 'member' },
    ];
    const step = (session: Session, id: string, body: unknown) => send(session, 'POST', `/api/cases/${id}/steps`, body);

    // An inspection of a natural person that finds a problem, with documents and evidence, referred for a penalty.
    const inspection = await send(s.li, 'POST', '/api/cases', {
      procedure: 'inspection',
      powerItemId: world.items.inspection.id,
      title: `对${person.name}经营的电器商店的监督检查`,
      source: 'complaint',
      sourceDetail: { provider: '12345热线', content: '群众反映该店销售的电热水壶漏电' },
      parties: [person, partyCompany()],
    }, 201);
    const id = inspection.id as string;
    await step(s.li, id, { step: 'form_group', data: { officers: group } });
    await step(s.li, id, { step: 'make_plan', data: { purpose: '核查投诉', scope: '电热水壶', focus: '电气安全', scheduledOn: '2026-11-24', divisionOfWork: '李明检查，王芳记录', schedule: '上午' } });
    await step(s.li, id, { step: 'notify', data: { method: 'in_writing' }, documents: [doc$('inspection_notice')] });
    ctx.clock.set('2026-11-24T01:30:00Z');
    await step(s.li, id, { step: 'on_site_notice', data: { certificatesShown: true, rightsExplained: true }, documents: [doc$('on_site_notice', true)], waivers: NO_AV });

    const base = await listen(ctx);
    for (const [kind, confidentiality, bytes] of [
      ['photo', 'none', jpeg(Buffer.from('现场照片'))],
      ['scan', 'personal_privacy', Buffer.from(`身份证复印件 ${maskIdNumber(person.idNumber)}`)],
    ] as const) {
      const meta = { caseId: id, step: 'collect_materials', kind, title: `${kind} 证据`, capturedAt: '2026-11-24T09:20:00+08:00', confidentiality, location: '楚雄市鹿城镇永安路18号' };
      const created = await fetch(`${base}/api/uploads`, {
        method: 'POST',
        headers: { cookie: s.li.cookie, 'x-csrf-token': s.li.csrfToken, 'tus-resumable': '1.0.0', 'upload-length': String(bytes.length), 'upload-metadata': encodeMetadata(meta), 'content-type': 'application/offset+octet-stream' },
        body: bytes,
      });
      expect(created.status, await created.clone().text()).toBe(201);
    }

    await step(s.wang, id, { step: 'collect_materials', data: { materials: [{ name: '销售记录', pages: 3, copyCertified: true }] } });
    await step(s.li, id, { step: 'site_record', data: {}, documents: [doc$('inspection_record', true)], waivers: NO_AV });
    const questioning = sampleDocumentFields('questioning_record', today()) as Record<string, unknown>;
    await step(s.li, id, {
      step: 'questioning',
      data: { interviewee: person.name },
      documents: [{ docType: 'questioning_record', fields: { ...questioning, interviewee: { name: person.name, gender: 'male', idNumberMasked: maskIdNumber(person.idNumber), position: '经营者' } }, signature: { imageDataUrl: `data:image/png;base64,${tinyPng(5).toString('base64')}` } }],
      waivers: NO_AV,
    });
    await step(s.li, id, { step: 'propose_outcome', data: { result: 'problem_found', opinion: '涉嫌销售不合格产品，建议立案查处', publish: true } });
    await step(s.leader, id, { step: 'approve_outcome', data: { comment: '同意' } });
    const referred = await step(s.li, id, { step: 'refer_penalty', data: { powerItemId: world.items.penalty.id, title: `${person.name}销售不合格电热水壶案` } });
    await step(s.li, id, { step: 'close', data: {} });
    await step(s.li, referred.referredCaseId, { step: 'propose_filing', data: { officers: group, summary: '涉嫌销售不合格产品', offenceDate: '2026-06-01', offenceContinuing: false, discoveredOn: '2026-06-15', limitationExtended: false }, documents: [doc$('case_filing_approval')] });
    ids.cases.push(id, referred.referredCaseId);

    // The closed inspection is filed, and its file asked for and granted (R8, R9).
    await send(s.head, 'POST', `/api/cases/${id}/file`, undefined, 201);
    const request = await send(s.wang, 'POST', `/api/cases/${id}/access-requests`, { requesterKind: 'staff', requesterName: '王芳', purpose: '复核案件材料', mode: 'read' }, 201);
    await send(s.head, 'POST', `/api/access-requests/${request.id}/opinion`, { agree: true, opinion: '同意' });
    await send(s.leader, 'POST', `/api/access-requests/${request.id}/decision`, { approve: true, validDays: 7 });
    await send(s.wang, 'POST', `/api/access-requests/${request.id}/use`, { action: 'read' }, 201);
    ids['access-requests'].push(request.id);

    for (const caseId of ids.cases) {
      const page = await send(s.li, 'GET', `/api/cases/${caseId}`);
      ids.documents.push(...page.documents.map((d: { id: string }) => d.id));
      ids.evidence.push(...(await send(s.leader, 'GET', `/api/cases/${caseId}/evidence`)).items.map((e: { id: string }) => e.id));
    }
    expect(ids.documents).toHaveLength(5);
    expect(ids.evidence).toHaveLength(2);

    // Every read of the case record, as every role (answers of any status are searched).
    const sessions = { ...s, sysadmin: await loginAs(ctx.app, 'sysadmin', PASSWORD) };
    const reads = Object.entries(doc.paths)
      .filter(([path, item]) => item.get && /^\/api\/(cases|documents|evidence|todo|archive|access-requests)(\/|$)/.test(path))
      .map(([path]) => path);
    expect(reads).toEqual(expect.arrayContaining(['/api/cases', '/api/cases/{id}', '/api/todo', '/api/archive/due', '/api/cases/{id}/access-requests', '/api/documents/{id}/{format}', '/api/evidence/{id}/content']));
    for (const template of reads) {
      let urls = [template];
      for (const [, segment, param] of template.matchAll(/\/([^/{}]+)\/\{(\w+)\}/g)) {
        const values = ids[param === 'id' ? segment! : param!];
        expect(values, `no values for {${param}} in ${template}`).toBeDefined();
        urls = urls.flatMap((u) => values!.map((v) => u.replace(`{${param}}`, v)));
      }
      for (const param of template.matchAll(/\{(\w+)\}/g)) if (param[1] === 'format') urls = urls.flatMap((u) => ids.format.map((f) => u.replace('{format}', f)));
      for (const url of urls)
        for (const [role, session] of Object.entries(sessions)) seen.push({ what: `GET ${url} as ${role}`, res: await session.request('GET', url) });
    }
  }, 180_000);

  it('reads every endpoint of the case record successfully as someone (the sweep covers real answers)', () => {
    const answered = new Set(seen.filter((x) => x.res.statusCode < 300).map((x) => x.what.replace(/ as .*$/, '').replace(/[0-9a-f-]{36}/g, '{id}').replace(/\/(pdf|docx)$/, '/{format}')));
    for (const path of ['/api/cases', '/api/cases/{id}', '/api/cases/{id}/file', '/api/cases/{id}/evidence', '/api/cases/{id}/access-requests', '/api/documents/{id}/{format}', '/api/evidence/{id}', '/api/evidence/{id}/content', '/api/todo', '/api/archive/due'])
      expect([...answered], path).toContain(`GET ${path}`);
  });

  it('shows the party with the masked number, and never the full one, in JSON, .docx and PDF answers', () => {
    const full = person.idNumber;
    const masked = maskIdNumber(full);
    expect(masked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    const textOf = (res: LightMyRequestResponse) => {
      const type = String(res.headers['content-type'] ?? '');
      if (type.startsWith('application/pdf')) return pdfText(res.rawPayload).replace(/\s+/g, '');
      if (type.includes('officedocument')) return zipText(res.rawPayload);
      return res.body;
    };
    const leaks = seen.filter((x) => textOf(x.res).toUpperCase().includes(full)).map((x) => x.what);
    expect(leaks).toEqual([]);
    // The search sees the party where it is shown: the case page and a rendered document carry the masked number.
    const shown = (what: RegExp) => seen.some((x) => what.test(x.what) && textOf(x.res).includes(masked));
    expect(shown(/^GET \/api\/cases\/[0-9a-f-]{36} as li$/)).toBe(true);
    expect(shown(/\/docx as li$/)).toBe(true);
    expect(shown(/\/pdf as li$/)).toBe(true);
  });
});

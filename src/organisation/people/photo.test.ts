import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../../test/harness.js';
import { buildWorld, fakeIdNumber, PASSWORD, type World } from '../../../test/factories.js';
import { contentKey } from '../../platform/storage/content-store.js';
import { imageTypeOf, PHOTO_MAX_BYTES } from './set-person-photo.js';
import { multipartBody, pngChunkTypes, pngOfSize, putPhoto, recording, tinyJpeg, tinyPng } from './test-support.js';

let t: TestContext;
let world: World;
let adminA: Session;
let adminB: Session;
let officerA: Session;
let supervisorA: Session;
let supervisorB: Session;
let sysadmin: Session;
const bodies: string[] = [];
const idNumbers: string[] = [];

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

async function newPerson(name: string, agencyId = world.agencyA.id, session = adminA) {
  const idNumber = fakeIdNumber();
  idNumbers.push(idNumber);
  const res = await session.post(`/api/agencies/${agencyId}/people`, { name, idNumber });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const photoOf = async (personId: string) =>
  (await t.database.query<{ photo_sha256: string | null }>('select photo_sha256 from people where id = $1', [personId]))[0]!.photo_sha256;
const blobCount = async () => (await t.database.query<{ n: number }>('select count(*)::int as n from blobs'))[0]!.n;
const auditOf = (personId: string, action: string) =>
  t.database.query<{ actor_user_id: string; agency_id: string; detail: Record<string, unknown> }>(
    'select actor_user_id, agency_id, detail from audit_events where subject_id = $1 and action = $2 order by id',
    [personId, action],
  );

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t.database);
  [adminA, adminB, officerA, supervisorA, supervisorB, sysadmin] = (
    await Promise.all(['admin_a', 'admin_b', 'officer_a', 'supervisor_a', 'supervisor_b', 'sysadmin'].map((u) => loginAs(t.app, u, PASSWORD)))
  ).map((s) => recording(s, bodies));
});
afterAll(() => t.close());

describe('imageTypeOf', () => {
  it('knows PNG and JPEG by their bytes, as file-type sniffs them, and nothing else', async () => {
    expect(await imageTypeOf(tinyPng())).toBe('image/png');
    expect(await imageTypeOf(pngOfSize(64 * 1024).subarray(0, 4100))).toBe('image/png'); // the head of a large one
    expect(await imageTypeOf(tinyJpeg())).toBe('image/jpeg');
    expect(await imageTypeOf(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00'))).toBeNull(); // an image, but not one we accept
    expect(await imageTypeOf(Buffer.from('\x89PNG'))).toBeNull();
    expect(await imageTypeOf(Buffer.alloc(0))).toBeNull();
    expect(await imageTypeOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    // The PNG signature alone no longer passes: file-type wants a well-formed IHDR after it.
    expect(await imageTypeOf(Buffer.concat([tinyPng().subarray(0, 8), Buffer.alloc(4092, 1)]))).toBeNull();
    // JPEG-LS starts like a JPEG (FF D8 FF) but is another format that browsers do not show.
    expect(await imageTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xf7, 0, 11]))).toBeNull();
  });

  it('pngOfSize builds a valid PNG of exactly the size asked', () => {
    const png = pngOfSize(PHOTO_MAX_BYTES);
    expect(png.length).toBe(PHOTO_MAX_BYTES);
    expect(pngChunkTypes(png)).toEqual(['IHDR', 'tEXt', 'IDAT', 'IEND']);
  });
});

describe('PUT /api/people/:id/photo', () => {
  let personId: string;
  const png = tinyPng(1);
  beforeAll(async () => {
    personId = await newPerson('照片一');
  });

  it('stores a PNG under its content address, records the blob, points the person at it and audits it', async () => {
    const res = await putPhoto(adminA, personId, png);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: personId, hasPhoto: true, allowedActions: ['update', 'setPhoto', 'addTraining'] });
    const digest = sha256(png);
    expect(await photoOf(personId)).toBe(digest);
    expect(await t.database.query('select size::int as size, content_type, storage_key from blobs where sha256 = $1', [digest])).toEqual([
      { size: png.length, content_type: 'image/png', storage_key: contentKey(digest) },
    ]);
    expect(await t.deps.store.exists(contentKey(digest))).toBe(true);
    expect(await auditOf(personId, 'person.photo_set')).toEqual([
      { actor_user_id: world.users.adminA.id, agency_id: world.agencyA.id, detail: { sha256: digest, size: png.length, contentType: 'image/png', previousSha256: null } },
    ]);
  });

  it('takes the type from the bytes, not from the declared type or the file name (JPEG sent as octet-stream)', async () => {
    const jpeg = tinyJpeg();
    const res = await putPhoto(adminA, personId, jpeg, { filename: 'scan.bin', type: 'application/octet-stream' });
    expect(res.statusCode).toBe(200);
    const [blob] = await t.database.query<{ content_type: string }>('select content_type from blobs where sha256 = $1', [sha256(jpeg)]);
    expect(blob!.content_type).toBe('image/jpeg');
    const [, replaced] = await auditOf(personId, 'person.photo_set');
    expect(replaced!.detail).toMatchObject({ sha256: sha256(jpeg), contentType: 'image/jpeg', previousSha256: sha256(png) });
  });

  it('stores a photo shared by two people once', async () => {
    const other = await newPerson('照片二');
    const before = await blobCount();
    expect((await putPhoto(supervisorA, other, png)).statusCode).toBe(200);
    expect(await blobCount()).toBe(before);
    expect(await photoOf(other)).toBe(sha256(png));
  });

  it('refuses what is not a PNG or JPEG (415 INVALID_IMAGE) and keeps the photo it had', async () => {
    const before = { blobs: await blobCount(), photo: await photoOf(personId), audits: (await auditOf(personId, 'person.photo_set')).length };
    for (const [bytes, filename, type] of [
      [Buffer.from('not an image at all, just text'), 'photo.png', 'image/png'],
      [Buffer.from('GIF89a\x01\x00\x01\x00'), 'photo.gif', 'image/gif'],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'photo.jpg', 'image/jpeg'],
      [Buffer.alloc(0), 'empty.png', 'image/png'],
      [Buffer.from([0x89, 0x50]), 'short.png', 'image/png'],
    ] as const) {
      const res = await putPhoto(adminA, personId, bytes, { filename, type });
      expect(res.statusCode, filename).toBe(415);
      expect(res.json().error).toMatchObject({ code: 'INVALID_IMAGE', message: '照片须为 JPEG 或 PNG 图片' });
    }
    expect({ blobs: await blobCount(), photo: await photoOf(personId), audits: (await auditOf(personId, 'person.photo_set')).length }).toEqual(before);
  });

  it('accepts exactly 5 MiB and refuses one byte more (413 PAYLOAD_TOO_LARGE), storing nothing', async () => {
    const atLimit = pngOfSize(PHOTO_MAX_BYTES, 1);
    expect((await putPhoto(adminA, personId, atLimit)).statusCode).toBe(200);
    const before = await blobCount();
    const over = pngOfSize(PHOTO_MAX_BYTES + 1, 2); // a real image: refused for its size, not its type
    const res = await putPhoto(adminA, personId, over);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await blobCount()).toBe(before);
    expect(await t.deps.store.exists(contentKey(sha256(over)))).toBe(false);
    expect(await photoOf(personId)).toBe(sha256(atLimit));
  });

  it('needs a multipart body with the file in the field "photo"', async () => {
    const wrongField = await putPhoto(adminA, personId, png, { field: 'file' });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().error.fields).toEqual([expect.objectContaining({ field: 'photo', code: 'required' })]);
    const form = new FormData();
    form.append('photo', 'just a text field');
    const response = new Response(form);
    const noFile = await adminA.request('PUT', `/api/people/${personId}/photo`, Buffer.from(await response.arrayBuffer()), {
      'content-type': response.headers.get('content-type')!,
    });
    expect(noFile.statusCode).toBe(400);
    const json = await adminA.request('PUT', `/api/people/${personId}/photo`, { photo: 'aGVsbG8=' });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    // The server is still answering normally after the refusals.
    expect((await putPhoto(adminA, personId, png)).statusCode).toBe(200);
  });

  it('answers 404 out of scope and 403 for a wrong role, before reading the upload', async () => {
    const before = await blobCount();
    const fresh = tinyPng(99);
    expect((await putPhoto(adminB, personId, fresh)).statusCode).toBe(404);
    expect((await putPhoto(supervisorB, personId, fresh)).statusCode).toBe(404);
    expect((await putPhoto(officerA, personId, fresh)).statusCode).toBe(403);
    expect((await putPhoto(adminA, '00000000-0000-4000-8000-000000000000', fresh)).statusCode).toBe(404);
    expect(await blobCount()).toBe(before);
  });
});

describe('GET /api/people/:id/photo', () => {
  let personId: string;
  const jpeg = tinyJpeg();
  beforeAll(async () => {
    personId = await newPerson('照片三');
  });

  it('answers 404 while the person has no photo', async () => {
    expect((await officerA.get(`/api/people/${personId}/photo`)).statusCode).toBe(404);
    expect(await auditOf(personId, 'person.photo_read')).toEqual([]);
  });

  it('streams back the identical bytes with the verified type, and audits the read', async () => {
    await putPhoto(adminA, personId, jpeg, { type: 'image/png', filename: 'wrong.png' });
    const res = await officerA.get(`/api/people/${personId}/photo`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['content-length']).toBe(String(jpeg.length));
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.rawPayload.equals(jpeg)).toBe(true);
    expect(sha256(res.rawPayload)).toBe(sha256(jpeg));
    expect(await auditOf(personId, 'person.photo_read')).toEqual([
      { actor_user_id: world.users.officerA.id, agency_id: world.agencyA.id, detail: { sha256: sha256(jpeg) } },
    ]);
  });

  it('answers 404 out of scope; the supervisor of the region and the system administrator may look', async () => {
    expect((await adminB.get(`/api/people/${personId}/photo`)).statusCode).toBe(404);
    expect((await supervisorB.get(`/api/people/${personId}/photo`)).statusCode).toBe(404);
    expect((await supervisorA.get(`/api/people/${personId}/photo`)).rawPayload.equals(jpeg)).toBe(true);
    expect((await sysadmin.get(`/api/people/${personId}/photo`)).rawPayload.equals(jpeg)).toBe(true);
    expect((await auditOf(personId, 'person.photo_read')).map((a) => a.actor_user_id)).toEqual([
      world.users.officerA.id,
      world.users.supervisorA.id,
      world.users.sysadmin.id,
    ]);
  });

  it('a person of agency B: their own administrator sees the photo, agency A’s does not', async () => {
    const personB = await newPerson('照片四', world.agencyB.id, adminB);
    const png = tinyPng(7);
    expect((await putPhoto(adminB, personB, png)).statusCode).toBe(200);
    expect((await adminB.get(`/api/people/${personB}/photo`)).rawPayload.equals(png)).toBe(true);
    expect((await adminA.get(`/api/people/${personB}/photo`)).statusCode).toBe(404);
    expect((await supervisorA.get(`/api/people/${personB}/photo`)).statusCode).toBe(404);
  });
});

describe('uploads over a real socket', () => {
  it('answers refusals promptly and keeps serving on the same server', async () => {
    const personId = await newPerson('照片五');
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const headers = { cookie: adminA.cookie, 'x-csrf-token': adminA.csrfToken };
    const upload = async (bytes: Buffer) => {
      const form = new FormData();
      form.append('photo', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'p.png');
      return fetch(`${address}/api/people/${personId}/photo`, { method: 'PUT', headers, body: form, signal: AbortSignal.timeout(10_000) });
    };
    const text = await upload(Buffer.from('plain text, not a picture'));
    expect([text.status, ((await text.json()) as { error: { code: string } }).error.code]).toEqual([415, 'INVALID_IMAGE']);
    // The rest of a refused upload is not read: the connection closes after the answer.
    expect(text.headers.get('connection')).toBe('close');
    const huge = await upload(pngOfSize(PHOTO_MAX_BYTES + 1024 * 1024));
    expect([huge.status, huge.headers.get('connection')]).toEqual([413, 'close']);
    await huge.arrayBuffer();
    const good = await upload(tinyPng(5));
    expect(good.status).toBe(200);
    const back = await fetch(`${address}/api/people/${personId}/photo`, { headers, signal: AbortSignal.timeout(10_000) });
    expect(Buffer.from(await back.arrayBuffer()).equals(tinyPng(5))).toBe(true);
  });
});

describe('the full ID number', () => {
  it('never appeared in any response body of this file', () => {
    expect(bodies.length).toBeGreaterThan(20);
    expect(idNumbers.filter((id) => bodies.some((b) => b.includes(id)))).toEqual([]);
  });
});

// Keeps the helper honest: the multipart body really carries the file under the given field.
describe('multipartBody', () => {
  it('encodes the field name, the file name and the bytes', async () => {
    const { payload, headers } = await multipartBody('photo', Buffer.from('abc'), 'a.png', 'image/png');
    expect(headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(payload.toString()).toContain('name="photo"; filename="a.png"');
    expect(payload.toString()).toContain('\r\n\r\nabc\r\n');
  });
});

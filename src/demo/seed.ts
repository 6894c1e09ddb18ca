/**
 * Loads the demo (./data.ts) into an empty database: regions, the four justice bureaus, the five
 * seed agencies with their divisions, staff and officers (each with a generated photo), positions
 * and their holders, leading groups, legal counsel, and one login per role worth trying.
 *
 * The rows are written in one transaction through the same use cases the API uses, so the audit
 * log tells how the demo came to be and nothing is ever half-loaded (the photo files are stored
 * first, outside it; being content-addressed, a leftover file is harmless). Every row that can say
 * so is marked `is_demo`.
 */
import { seedDemoCases, type DemoDeps } from './cases.js';
import { Readable } from 'node:stream';
import { count } from 'drizzle-orm';
import { actorForUser } from '../accounts/authenticate.js';
import { createUser } from '../accounts/manage-users.js';
import { hashPassword } from '../accounts/passwords.js';
import type { Actor, Role } from '../accounts/roles.js';
import { users } from '../accounts/tables.js';
import type { AuditContext } from '../audit/record.js';
import { createAgency, setAgencyConfirmation } from '../organisation/agencies/agencies.js';
import { createDivision } from '../organisation/divisions/divisions.js';
import { assignHolder } from '../organisation/groups/assign-holder.js';
import { createGroup } from '../organisation/groups/create-group.js';
import { createPosition } from '../organisation/groups/create-position.js';
import { createRegion } from '../organisation/regions/regions.js';
import { createPerson } from '../organisation/people/create-person.js';
import { setPersonPhoto } from '../organisation/people/set-person-photo.js';
import { addCounsel } from '../organisation/counsel/add-counsel.js';
import { agencies } from '../organisation/tables.js';
import { chinaDate } from '../platform/clock.js';
import type { Db, Tx } from '../platform/db/database.js';
import type { BlobStore } from '../platform/storage/blob-store.js';
import { storeContent, type StoredContent } from '../platform/storage/content-store.js';
import { demoAgencies, demoCounsel, demoJusticeBureaus, demoRegions, type DemoAgency, type DemoBody, type DemoPerson } from './data.js';
import { demoPortrait } from './portrait.js';

/** The one password of every demo login (printed at start-up; demo databases are not for real data). */
export const DEMO_PASSWORD = 'Sanxiang-demo-2026';

/**
 * The agency the demo leaves unconfirmed, so the dashboard shows P13's warning and the portal
 * shows it is not published: 迪庆州商务局, whose seed merely forwards the prefecture's scheme.
 */
export const UNCONFIRMED_DEMO_AGENCY = 'diqing-commerce';

/** Login-name prefixes: region + body in pinyin initials (楚雄 工信局 → cx.gxj). */
const LOGIN_PREFIX: Record<string, string> = {
  'chuxiong-justice': 'cx.sfj',
  'diqing-justice': 'dq.sfj',
  'qilin-justice': 'ql.sfj',
  'shuocheng-justice': 'sc.sfj',
  'chuxiong-science': 'cx.kjj',
  'diqing-commerce': 'dq.swj',
  'chuxiong-industry': 'cx.gxj',
  'qilin-approval': 'ql.spj',
  'shuocheng-science': 'sc.kjj',
};

export interface DemoLogin {
  username: string;
  /** Who the login is, zh-CN (e.g. 楚雄州工信局 机关管理员). */
  description: string;
}

export interface DemoSeedResult {
  password: string;
  /** System administrator, then the supervisors, then each agency's logins. */
  logins: DemoLogin[];
}

/**
 * Loads the demo when the database has neither users nor agencies; returns the logins, or null
 * (and changes nothing) when the database is already in use.
 */
export async function seedDemoIfEmpty(deps: DemoDeps, options: { cases?: boolean } = {}): Promise<DemoSeedResult | null> {
  const { db } = deps.database;
  if (!(await isEmpty(db))) return null;
  // The slow parts stay outside the transaction: argon2 runs once for all logins, and the photos
  // are content-addressed files, harmless to keep should the transaction roll back.
  const [passwordHash, photos] = await Promise.all([hashPassword(DEMO_PASSWORD), storePortraits(deps.store)]);
  const ctx: AuditContext = { actor: null, now: deps.clock.now(), label: 'demo' };
  const result = await db.transaction(async (tx) => {
    if (!(await isEmpty(tx))) return null;
    const logins = await new DemoSeeder(tx, ctx, passwordHash, photos).run();
    return { password: DEMO_PASSWORD, logins };
  });
  // Cases go through the same use cases as the API, each step its own transaction.
  if (result && options.cases !== false) await seedDemoCases(deps);
  return result;
}

async function isEmpty(db: Db | Tx): Promise<boolean> {
  const [u] = await db.select({ n: count() }).from(users);
  const [a] = await db.select({ n: count() }).from(agencies);
  return u!.n === 0 && a!.n === 0;
}

/** One generated photo per demo person, keyed by person key; hues spread by the golden angle. */
async function storePortraits(store: BlobStore): Promise<Map<string, StoredContent>> {
  const everyone = demoAgencies.flatMap((a) => a.people);
  const stored = await Promise.all(
    everyone.map((person, i) =>
      storeContent(store, Readable.from(demoPortrait((i * 137.508) % 360, person.sex)), { contentType: 'image/png', maxBytes: 1 << 20 }),
    ),
  );
  return new Map(everyone.map((person, i) => [person.key, stored[i]!]));
}

/** Value of `key` in `map`, or an error naming the dangling reference in data.ts. */
function ref<V>(map: ReadonlyMap<string, V>, key: string, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo data: unknown ${what} "${key}"`);
  return value;
}

/**
 * Position titles unique within the agency, as the positions table requires: a title the data
 * gives more than once (two 副局长) is numbered 副局长（一）, 副局长（二）.
 */
function distinctTitles(agency: DemoAgency): Map<string, string> {
  const numerals = '一二三四五六七八九十';
  const seen = new Map<string, number>();
  const total = (title: string) => agency.positions.filter((p) => p.title === title).length;
  return new Map(
    agency.positions.map((p) => {
      if (total(p.title) === 1) return [p.key, p.title];
      const n = (seen.get(p.title) ?? 0) + 1;
      seen.set(p.title, n);
      return [p.key, `${p.title}（${numerals[n - 1] ?? n}）`];
    }),
  );
}

class DemoSeeder {
  private readonly logins: DemoLogin[] = [];
  /** Per justice bureau key: its id and its supervisor, who confirms the agencies (P13). */
  private readonly bureaus = new Map<string, { id: string; supervisorId: string }>();

  constructor(
    private readonly tx: Tx,
    private readonly ctx: AuditContext,
    private readonly passwordHash: string,
    private readonly photos: ReadonlyMap<string, StoredContent>,
  ) {}

  async run(): Promise<DemoLogin[]> {
    for (const region of demoRegions) {
      await createRegion(this.tx, this.ctx, { code: region.code, name: region.name, parentCode: region.parentCode });
    }
    await this.login('sysadmin', '系统管理员', ['system_admin'], null, '系统管理员（全部地区和机关）');
    for (const bureau of demoJusticeBureaus) {
      const id = (await this.createBody(bureau, { categories: [], docAbbreviation: null })).id;
      const supervisor = await this.login(
        LOGIN_PREFIX[bureau.key]!,
        `${bureau.shortName}执法监督员`,
        ['supervisor'],
        id,
        `${bureau.shortName} 执法监督（本辖区各执法机关）`,
        { scopeRegionCode: bureau.regionCode },
      );
      this.bureaus.set(bureau.key, { id, supervisorId: supervisor });
    }
    for (const agency of demoAgencies) await this.seedAgency(agency);
    return this.logins;
  }

  /** An agency or justice bureau row; bureaus have no enforcement categories of their own. */
  private createBody(body: DemoBody, extra: { categories: DemoAgency['categories']; docAbbreviation: string | null }) {
    return createAgency(
      this.tx,
      this.ctx,
      {
        kind: body.kind,
        name: body.name,
        shortName: body.shortName,
        creditCode: body.creditCode,
        regionCode: body.regionCode,
        level: body.level,
        headName: body.headName,
        address: body.address,
        phone: body.phone,
        supervisionPhone: body.supervisionPhone,
        categories: [...extra.categories],
        area: body.area,
        docAbbreviation: extra.docAbbreviation,
      },
      { isDemo: true },
    );
  }

  private async seedAgency(agency: DemoAgency): Promise<void> {
    const agencyId = (await this.createBody(agency, agency)).id;

    const divisionIds = new Map<string, string>();
    for (const [i, d] of agency.divisions.entries()) {
      const row = await createDivision(this.tx, this.ctx, agencyId, {
        name: d.name,
        duties: d.duties,
        area: d.area,
        isLegalAffairs: d.isLegalAffairs,
        sortOrder: i,
      });
      divisionIds.set(d.key, row.id);
    }

    const personIds = new Map<string, string>();
    for (const person of agency.people) {
      const divisionId = person.divisionKey ? ref(divisionIds, person.divisionKey, 'division') : null;
      personIds.set(person.key, await this.createPerson(agencyId, divisionId, person));
    }

    // O4: posts first, then who holds them; leading groups name the posts.
    const titles = distinctTitles(agency);
    const positionIds = new Map<string, string>();
    for (const [i, p] of agency.positions.entries()) {
      const position = await createPosition(this.tx, this.ctx, agencyId, {
        title: ref(titles, p.key, 'position'),
        divisionId: p.divisionKey ? ref(divisionIds, p.divisionKey, 'division') : null,
        sortOrder: i,
      });
      await assignHolder(this.tx, this.ctx, position.id, { personId: ref(personIds, p.holderKey, 'person'), fromDate: p.holderSince });
      positionIds.set(p.key, position.id);
    }
    for (const group of agency.leadingGroups) {
      await createGroup(this.tx, this.ctx, agencyId, {
        name: group.name,
        purpose: group.purpose,
        officeDivisionId: ref(divisionIds, group.officeDivisionKey, 'division'),
        establishedOn: group.establishedOn,
        members: group.members.map((m) => ({ role: m.role, positionId: ref(positionIds, m.positionKey, 'position') })),
      });
    }

    for (const c of demoCounsel.filter((c) => c.agencyKey === agency.key)) {
      await addCounsel(this.tx, this.ctx, agencyId, { name: c.name, kind: c.kind, organisation: c.organisation, phone: c.phone, specialties: c.specialties }, { isDemo: true });
    }

    await this.agencyLogins(agency, agencyId, personIds);

    // P13: the supervising justice bureau confirms the agency — all but one, which stays pending.
    if (agency.key !== UNCONFIRMED_DEMO_AGENCY) {
      const bureau = ref(this.bureaus, agency.supervisingJusticeBureauKey, 'justice bureau');
      const bureauName = demoJusticeBureaus.find((b) => b.key === agency.supervisingJusticeBureauKey)!.shortName;
      const supervisor = await this.actor(bureau.supervisorId);
      await setAgencyConfirmation(this.tx, { ...this.ctx, actor: supervisor }, agencyId, true, `经${bureauName}审查，确认其行政执法主体资格。`);
    }
  }

  private async createPerson(agencyId: string, divisionId: string | null, person: DemoPerson): Promise<string> {
    const row = await createPerson(
      this.tx,
      this.ctx,
      agencyId,
      {
        name: person.name,
        sex: person.sex,
        idNumber: person.idNumber,
        divisionId,
        positionTitle: person.positionTitle,
        isLegalReviewer: person.isLegalReviewer,
        certificateNumber: person.certificate?.number ?? null,
        certificateIssuedOn: person.certificate?.issuedOn ?? null,
        certificateExpiresOn: person.certificate?.expiresOn ?? null,
        certificateStatus: person.certificate?.status ?? null,
        categories: [...person.categories],
        area: person.area,
        qualification: person.qualification,
        qualificationNote: person.qualificationNote,
      },
      { isDemo: true },
    );
    await setPersonPhoto(this.tx, this.ctx, row.id, { ...ref(this.photos, person.key, 'photo'), contentType: 'image/png' });
    return row.id;
  }

  /** The agency's administrator, its leader, a legal reviewer (if it has one) and an officer. */
  private async agencyLogins(agency: DemoAgency, agencyId: string, personIds: ReadonlyMap<string, string>): Promise<void> {
    const prefix = LOGIN_PREFIX[agency.key]!;
    const name = agency.shortName;
    const directorKey = agency.positions.find((p) => p.key === 'director')!.holderKey;
    const director = agency.people.find((p) => p.key === directorKey)!;
    const reviewer = agency.people.find((p) => p.isLegalReviewer);
    const officer = agency.people.find(
      (p) => p.certificate?.status === 'active' && p.certificate.expiresOn >= this.today && !p.isLegalReviewer && p.key !== directorKey,
    );
    const personLogin = (suffix: string, person: DemoPerson, roles: Role[], label: string) =>
      this.login(`${prefix}.${suffix}`, person.name, roles, agencyId, `${name} ${label} ${person.name}`, { personId: ref(personIds, person.key, 'person') });

    // Hints at what the demo shows about this agency on the dashboard (P13, L12).
    const notes = [agency.key === UNCONFIRMED_DEMO_AGENCY && '主体资格待确认', !reviewer && '无法制审核人员'].filter(Boolean);
    const adminNote = notes.length ? `（${notes.join('；')}）` : '';
    await this.login(`${prefix}.admin`, `${name}管理员`, ['agency_admin'], agencyId, `${name} 机关管理员${adminNote}`);
    await personLogin('leader', director, ['agency_leader'], '机关负责人');
    if (reviewer) await personLogin('reviewer', reviewer, ['legal_reviewer'], '法制审核人员');
    if (officer) await personLogin('officer', officer, ['officer'], '执法人员');
    // A division head who gives opinions on access requests (R9): never a person who has another
    // login (issue 8: each login its own person). The head of the officer's division if that is someone
    // else, else a head who holds an enforcement certificate, else any head.
    const heads = agency.positions
      .filter((p) => p.key.startsWith('head:') && p.holderKey && ![directorKey, reviewer?.key, officer?.key].includes(p.holderKey))
      .map((p) => agency.people.find((x) => x.key === p.holderKey)!);
    const head = heads.find((x) => x.divisionKey === officer?.divisionKey) ?? heads.find((x) => x.certificate) ?? heads[0];
    if (head) await personLogin('head', head, ['division_head'], '科室负责人');
  }

  private get today(): string {
    return chinaDate(this.ctx.now);
  }

  /** Creates a demo user with the shared password; returns its id and lists the login. */
  private async login(
    username: string,
    displayName: string,
    roles: Role[],
    agencyId: string | null,
    description: string,
    extra: { scopeRegionCode?: string; personId?: string } = {},
  ): Promise<string> {
    const user = await createUser(
      this.tx,
      this.ctx,
      { username, displayName, password: DEMO_PASSWORD, agencyId, roles, scopeRegionCode: extra.scopeRegionCode ?? null, personId: extra.personId ?? null },
      { isDemo: true, passwordHash: this.passwordHash },
    );
    this.logins.push({ username, description });
    return user.id;
  }

  /** The supervisor as an actor, so the audit log shows who confirmed each agency. */
  private async actor(userId: string): Promise<Actor> {
    const actor = await actorForUser(this.tx, userId, { ip: '127.0.0.1', userAgent: 'sanxiang demo seed' }, 'session');
    if (!actor) throw new Error(`demo data: supervisor ${userId} not found`);
    return actor;
  }
}

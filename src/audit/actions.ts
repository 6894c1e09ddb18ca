/**
 * The audit-action catalogue: every action the audit log records, each with a one-line meaning,
 * the schema of its detail and its label in Chinese and English. Writes are `<noun>.<verb>`; reads
 * of personal data are `<noun>.read` / `<noun>.list` (every read of personal data is audited).
 * The one place for all four — `recordAudit` checks details against it (record.ts), readers parse
 * stored details with it, and the staff app's labels come from it (i18n/ui/labels.ts). A detail is
 * hashed into its agency's chain: it names changed fields, never an ID number or a password.
 *
 * Free of Node and database imports: the web app's UI strings import the labels from here.
 */
import type { z as Zod } from 'zod';
import { t, type Text } from '../i18n/ui/text.js';

type Z = typeof Zod;
const nothing = (z: Z) => z.strictObject({});
const ids = (z: Z) => z.strictObject({ ids: z.array(z.string()) });
const fields = (z: Z) => z.array(z.string());
const members = (z: Z) => z.array(z.strictObject({ role: z.string(), positionId: z.string() }));
const importedFile = (z: Z) => z.strictObject({ name: z.string().nullable(), bytes: z.number().int(), sha256: z.string() });
const loan = (z: Z) => z.strictObject({ loanId: z.string(), personId: z.string() });

/**
 * One action: what it means, its detail's schema, how the staff app names it. The schema is built
 * from the zod namespace it is handed (`detail(z)`), so this file uses zod only for types and the
 * web bundle, which imports the labels, carries no zod.
 */
export interface ActionDefinition<P extends Zod.ZodType = Zod.ZodType> {
  meaning: string;
  detail: (z: Z) => P;
  label: Text;
}

const action = <P extends Zod.ZodType>(meaning: string, label: Text, detail: (z: Z) => P): ActionDefinition<P> => ({ meaning, label, detail });

export const auditCatalogue = {
  'auth.login': action('a user logged in', t('登录', 'Logged in'), (z) => z.strictObject({ username: z.string() })),
  'auth.login_failed': action(
    'a wrong password or unknown user name; `locked` when it reached a throttle limit',
    t('登录失败', 'Failed login'),
    (z) => z.strictObject({ username: z.string(), knownUser: z.boolean(), failures: z.number().int(), failuresFromAddress: z.number().int(), locked: z.boolean() }),
  ),
  'auth.logout': action('a user logged out', t('退出', 'Logged out'), nothing),
  'auth.logout_all': action('a user ended every session of their own', t('退出全部登录', 'Logged out everywhere'), (z) => z.strictObject({ sessions: z.number().int() })),
  'auth.token_created': action('an API token was created', t('创建接口令牌', 'API token created'), (z) => z.strictObject({ name: z.string(), expiresAt: z.string() })),
  'auth.token_revoked': action('an API token was revoked by its holder', t('吊销接口令牌', 'API token revoked'), nothing),
  'user.created': action(
    'a user account was created with its roles and scope',
    t('创建用户', 'User created'),
    (z) => z.strictObject({ username: z.string(), roles: z.array(z.string()), scopeRegionCode: z.string().nullable() }),
  ),
  'user.updated': action('a user account changed (field names; whether the password changed)', t('修改用户', 'User updated'), (z) => z.strictObject({ fields: fields(z), passwordChanged: z.boolean() })),
  'region.created': action('an administrative region was added', t('新增行政区划', 'Region added'), (z) => z.strictObject({ name: z.string() })),
  'region.updated': action('a region was renamed', t('修改行政区划', 'Region renamed'), (z) => z.strictObject({ name: z.string() })),
  'agency.created': action('an enforcement agency or justice bureau was registered', t('登记执法主体', 'Agency registered'), (z) => z.strictObject({ name: z.string() })),
  'agency.updated': action(
    'an agency changed: each field’s old and new value; a change of name or credit code withdraws its confirmation (P13)',
    t('修改执法主体', 'Agency updated'),
    (z) => z.strictObject({
      changes: z.record(z.string(), z.strictObject({ old: z.unknown(), new: z.unknown() })),
      confirmationWithdrawn: z.strictObject({ confirmedAt: z.string(), confirmedBy: z.string().nullable() }).optional(),
    }),
  ),
  'agency.confirmed': action('the justice bureau confirmed the agency’s status as an enforcement body (O1, P13)', t('确认主体资格', 'Agency confirmed'), (z) => z.strictObject({ note: z.string().nullable() })),
  'agency.confirmation_withdrawn': action('the justice bureau withdrew its confirmation (O1, P13)', t('撤销主体资格确认', 'Confirmation withdrawn'), (z) => z.strictObject({ note: z.string().nullable() })),
  'division.created': action('an internal division (内设机构) was added', t('新增内设机构', 'Division added'), (z) => z.strictObject({ name: z.string(), isLegalAffairs: z.boolean() })),
  'division.updated': action('a division changed (field names)', t('修改内设机构', 'Division updated'), (z) => z.strictObject({ fields: fields(z) })),
  'person.created': action(
    'a staff member or officer was registered (no ID number in the log)',
    t('登记执法人员', 'Officer registered'),
    (z) => z.strictObject({ name: z.string(), certificateNumber: z.string().nullable(), isLegalReviewer: z.boolean() }),
  ),
  'person.updated': action(
    'a person changed: field names only (values may include the ID number), and a certificate status change from → to',
    t('修改执法人员', 'Officer updated'),
    (z) => z.strictObject({ fields: fields(z), certificateStatus: z.strictObject({ from: z.string().nullable(), to: z.string().nullable() }).optional() }),
  ),
  'person.photo_set': action(
    'a person’s photo was uploaded or replaced',
    t('上传照片', 'Photo uploaded'),
    (z) => z.strictObject({ sha256: z.string(), size: z.number().int(), contentType: z.string(), previousSha256: z.string().nullable() }),
  ),
  'person.read': action('a staff member’s personal data was displayed (`view` names a part of it)', t('查看人员信息', 'Personal data viewed'), (z) => z.strictObject({ view: z.literal('trainings').optional() })),
  'person.list': action('a list with personal data was displayed, with the ids shown', t('查看人员列表', 'List of people viewed'), ids),
  'person.photo_read': action('a person’s photo was displayed', t('查看照片', 'Photo viewed'), (z) => z.strictObject({ sha256: z.string() })),
  'training.created': action(
    'a training was recorded for a person',
    t('新增培训记录', 'Training recorded'),
    (z) => z.strictObject({ trainingId: z.string(), kind: z.string(), title: z.string(), hours: z.number(), completedOn: z.string() }),
  ),
  'counsel.created': action('a counsel joined the pool for hard cases (L15)', t('新增法律顾问', 'Counsel added'), (z) => z.strictObject({ name: z.string(), kind: z.string() })),
  'counsel.list': action('the counsel pool (names, phones) was displayed, with the ids shown', t('查看法律顾问名单', 'Counsel list viewed'), ids),
  'position.created': action('a position was added (O4)', t('新增岗位', 'Position added'), (z) => z.strictObject({ title: z.string(), divisionId: z.string().nullable() })),
  'position.holder_assigned': action(
    'a person was appointed to a position; the previous open holding, if any, closed the day before',
    t('任命岗位人员', 'Holder appointed'),
    (z) => z.strictObject({ personId: z.string(), fromDate: z.string(), toDate: z.string().nullable(), closedHolding: z.strictObject({ id: z.string(), toDate: z.string() }).nullable() }),
  ),
  'leading_group.created': action('a leading group was set up with its members by position (O4)', t('新增领导小组', 'Leading group added'), (z) => z.strictObject({ name: z.string(), members: members(z) })),
  'leading_group.updated': action('a leading group changed (field names, and the members when they changed)', t('修改领导小组', 'Leading group updated'), (z) => z.strictObject({ fields: fields(z), members: members(z).optional() })),
  'calendar.year_loaded': action(
    'a year of holidays was loaded, from the chinese-days package or by hand from the State Council notice',
    t('录入年度节假日', 'Calendar year loaded'),
    (z) => z.strictObject({ source: z.enum(['chinese-days', 'manual']), notice: z.string().nullable(), noticeTitle: z.string().nullable(), days: z.number().int() }),
  ),
  'calendar.day_set': action('one special day of a loaded year was set', t('调整节假日', 'Calendar day set'), (z) => z.strictObject({ kind: z.enum(['holiday', 'workday']), name: z.string() })),
  'law.versions_imported': action(
    'law texts were added to the law library (at first start, the texts the product ships): per version its law, date, digest and article count',
    t('导入法律法规', 'Law texts imported'),
    (z) => z.strictObject({ versions: z.array(z.strictObject({ title: z.string(), versionDate: z.string(), sha256: z.string(), articles: z.number().int() })) }),
  ),
  'exchange.imported': action(
    'a spreadsheet was imported: the file’s name, size and digest, its rows and the records created',
    t('导入数据', 'Data imported'),
    (z) => z.strictObject({ kind: z.enum(['agencies', 'officers']), rows: z.number().int(), created: z.number().int(), file: importedFile(z) }),
  ),
  'exchange.exported': action(
    'a spreadsheet left the system (for officers, with personal data: the ids exported); `file` when written by the CLI',
    t('导出数据', 'Data exported'),
    (z) => z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('officers'), count: z.number().int(), ids: z.array(z.string()), file: z.string().optional() }),
      z.strictObject({ kind: z.literal('agencies'), count: z.number().int(), file: z.string().optional() }),
    ]),
  ),
  'power_item.created': action('an item was added to the power list', t('新增权力事项', 'Power list item added'), (z) => z.strictObject({ code: z.string(), timeLimits: z.record(z.string(), z.unknown()).optional() })),
  'av_list.updated': action(
    'the agency’s 音像记录事项清单 (the steps that need audio-visual recording) was replaced (R3)',
    t('修改音像记录事项清单', 'Audio-visual recording list updated'),
    (z) => z.strictObject({ items: z.array(z.strictObject({ procedure: z.string(), step: z.string(), required: z.boolean() })) }),
  ),
  'evidence.added': action(
    'an evidence item entered a case record (R3, R7)',
    t('上传证据', 'Evidence added'),
    (z) => z.strictObject({ caseId: z.string(), sha256: z.string(), size: z.number().int(), late: z.boolean(), warnings: z.array(z.string()) }),
  ),
  'evidence.access_refused': action(
    'confidential evidence was refused to an actor without the permission (R10)',
    t('拒绝查看涉密证据', 'Confidential evidence refused'),
    (z) => z.strictObject({ caseId: z.string(), confidentiality: z.string(), purpose: z.enum(['view', 'download']) }),
  ),
  'device.registered': action('a recording device was registered (R14)', t('登记执法记录设备', 'Recording device registered'), (z) => z.strictObject({ kind: z.string(), serialNumber: z.string(), model: z.string() })),
  'device.lent': action('a recording device was lent to an officer (R14)', t('领用执法记录设备', 'Recording device lent'), loan),
  'device.returned': action('a recording device was returned (R14)', t('归还执法记录设备', 'Recording device returned'), loan),
  'device.retired': action('a recording device was retired (R14)', t('报废执法记录设备', 'Recording device retired'), nothing),
  'public.certificate_verified': action(
    'a member of the public checked a certificate (P3, P12): the number asked, found or not, the verdict',
    t('公众核验执法证', 'Certificate verified by the public'),
    (z) => z.strictObject({ certificateNumber: z.string(), found: z.boolean(), verdict: z.string().nullable(), channel: z.enum(['page', 'api']), checkedOn: z.string() }),
  ),
} as const satisfies Record<string, ActionDefinition>;

/** The name of an audit action. */
export type AuditAction = keyof typeof auditCatalogue;
export const AUDIT_ACTIONS = Object.keys(auditCatalogue) as AuditAction[];

/** The detail of one action, as written and as read back. */
export type AuditDetail<A extends AuditAction> = Zod.infer<ReturnType<(typeof auditCatalogue)[A]['detail']>>;

export const isAuditAction = (action: string): action is AuditAction => Object.hasOwn(auditCatalogue, action);

/** The labels of every audit action, for the staff app ({ 'auth.login': { zh, en }, … }). */
export const auditActionLabels = Object.fromEntries(Object.entries(auditCatalogue).map(([name, a]) => [name, a.label])) as Record<AuditAction, Text>;

import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Command } from 'commander';
import { recordAudit, type AuditContext } from '../audit/record.js';
import { loadConfig } from '../config.js';
import { agencies } from '../organisation/tables.js';
import { chinaDate } from '../platform/clock.js';
import type { Database, Db } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { openAndMigrate } from '../server.js';
import { exportAgencies, importAgencies, planAgencyImport } from './agencies.js';
import type { ImportSummary, Progress } from './import.js';
import { exportOfficers, importOfficers, planOfficerImport } from './officers.js';
import type { RowProblem } from './rows.js';

/** The command line acts as the system: no user, recorded as 'cli' in the audit trail. */
const cliContext = (): AuditContext => ({ actor: null, now: new Date(), label: 'cli' });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An agency by id or by unified social credit code. */
async function resolveAgency(db: Db, ref: string): Promise<{ id: string; name: string }> {
  const where = UUID.test(ref) ? eq(agencies.id, ref) : eq(agencies.creditCode, ref.trim().toUpperCase());
  const [row] = await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(where);
  if (!row) throw new CliFailure(`未找到执法主体 No agency with id or credit code "${ref}"`);
  return row;
}

class CliFailure extends Error {}

/** Terminal columns a string takes: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** The rejection report as a plain-text table, one line per problem. */
export function formatReport(problems: RowProblem[]): string {
  const head = ['行 Row', '列 Col', '列名 Column', '问题 Problem'];
  const lines = problems.map((p) => [String(p.row), p.column, p.header, `${p.message} / ${p.messageEn}`]);
  const widths = head.slice(0, 3).map((h, i) => Math.max(displayWidth(h), ...lines.map((l) => displayWidth(l[i]!))));
  const format = (cells: string[]) => cells.map((c, i) => (i < 3 ? pad(c, widths[i]!) : c)).join('  ');
  return [format(head), widths.map((w) => '-'.repeat(w)).concat('-'.repeat(12)).join('  '), ...lines.map(format)].join('\n');
}

/** Prints why an import or export failed; true when it was the user's file or input, not a bug. */
function reportFailure(error: unknown): boolean {
  if (error instanceof CliFailure) {
    console.error(error.message);
    return true;
  }
  if (!(error instanceof AppError) || error.status >= 500) return false;
  const body = error.toBody().error;
  console.error(`${body.message} — ${body.messageEn}`);
  const details = error.details as { message?: string; messageEn?: string; rows?: RowProblem[]; totalRows?: number; rejectedRows?: number } | undefined;
  if (error.code === 'IMPORT_REJECTED' && details?.rows) {
    console.error(`共 ${details.totalRows} 行，其中 ${details.rejectedRows} 行有错误 (${details.rejectedRows} of ${details.totalRows} rows rejected):\n`);
    console.error(formatReport(details.rows));
  } else if (details?.message) {
    console.error(`${details.message} — ${details.messageEn}`);
  }
  return true;
}

function progressPrinter(): Progress {
  return (done, total) => {
    if (process.stdout.isTTY) process.stdout.write(`\r导入中 Importing ${done}/${total}${done === total ? '\n' : ''}`);
    else if (done === total || done % 100 === 0) console.log(`导入中 Importing ${done}/${total}`);
  };
}

function printSummary(summary: ImportSummary) {
  if (summary.dryRun) console.log(`校验通过，共 ${summary.totalRows} 行，未写入（试运行） All ${summary.totalRows} rows are valid; nothing written (dry run)`);
  else console.log(`已导入 ${summary.imported} 行 Imported ${summary.imported} rows`);
}

/** Opens the configured database, runs the command, closes it; user errors set exit code 1. */
async function withDatabase(run: (database: Database) => Promise<void>): Promise<void> {
  const database = await openAndMigrate(loadConfig());
  try {
    await run(database);
  } catch (error) {
    if (!reportFailure(error)) throw error;
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

function readInput(file: string): Buffer {
  if (!fs.existsSync(file)) throw new CliFailure(`文件不存在 No such file: ${file}`);
  return fs.readFileSync(file);
}

/**
 * `sanxiang import officers|agencies FILE` and `sanxiang export officers|agencies -o FILE`: the
 * same all-or-nothing imports and masked exports as the HTTP API, run as the system.
 */
export function registerExchangeCommands(program: Command): void {
  const importCommand = program.command('import').description('import .xlsx: all rows or none, with a row-by-row report (exit code 1 when rejected)');

  importCommand
    .command('officers <file>')
    .description('import officers into an agency (columns as in GET /api/exchange/templates/officers.xlsx)')
    .requiredOption('-a, --agency <id|creditCode>', 'the agency, by id or unified social credit code')
    .option('--dry-run', 'validate and report only; write nothing')
    .action((file: string, o: { agency: string; dryRun?: boolean }) =>
      withDatabase(async ({ db }) => {
        const data = readInput(file);
        const agency = await resolveAgency(db, o.agency);
        const plan = await planOfficerImport(db, data, { agencyId: agency.id, fileName: file, dryRun: !!o.dryRun });
        console.log(`${agency.name}: ${plan.totalRows} 行校验通过 rows valid`);
        if (o.dryRun) return printSummary({ kind: 'officers', dryRun: true, totalRows: plan.totalRows, imported: 0, created: [] });
        printSummary(await db.transaction((tx) => importOfficers(tx, cliContext(), plan, progressPrinter())));
      }),
    );

  importCommand
    .command('agencies <file>')
    .description('import agencies (columns as in GET /api/exchange/templates/agencies.xlsx)')
    .option('--dry-run', 'validate and report only; write nothing')
    .action((file: string, o: { dryRun?: boolean }) =>
      withDatabase(async ({ db }) => {
        const plan = await planAgencyImport(db, readInput(file), { actor: null, fileName: file, dryRun: !!o.dryRun });
        console.log(`${plan.totalRows} 行校验通过 rows valid`);
        if (o.dryRun) return printSummary({ kind: 'agencies', dryRun: true, totalRows: plan.totalRows, imported: 0, created: [] });
        printSummary(await db.transaction((tx) => importAgencies(tx, cliContext(), plan, progressPrinter())));
      }),
    );

  const exportCommand = program.command('export').description('export .xlsx for reading (ID numbers masked)');

  exportCommand
    .command('officers')
    .description("export an agency's officers")
    .requiredOption('-a, --agency <id|creditCode>', 'the agency, by id or unified social credit code')
    .requiredOption('-o, --output <file>', 'the .xlsx file to write')
    .action((o: { agency: string; output: string }) =>
      withDatabase(async ({ db }) => {
        const agency = await resolveAgency(db, o.agency);
        const ctx = cliContext();
        const exported = await exportOfficers(db, agency.id, ctx.now);
        fs.writeFileSync(o.output, exported.buffer);
        await db.transaction((tx) =>
          recordAudit(tx, ctx, {
            action: 'exchange.exported',
            subjectType: 'agency',
            subjectId: agency.id,
            agencyId: agency.id,
            detail: { kind: 'officers', count: exported.ids.length, ids: exported.ids, file: o.output },
          }),
        );
        console.log(`已导出 ${exported.ids.length} 名人员到 ${o.output}（身份证号码已脱敏） Exported ${exported.ids.length} people (ID numbers masked)`);
      }),
    );

  exportCommand
    .command('agencies')
    .description('export all agencies')
    .requiredOption('-o, --output <file>', 'the .xlsx file to write')
    .action((o: { output: string }) =>
      withDatabase(async ({ db }) => {
        const ctx = cliContext();
        const exported = await exportAgencies(db, chinaDate(ctx.now), ctx.now, undefined);
        fs.writeFileSync(o.output, exported.buffer);
        await db.transaction((tx) =>
          recordAudit(tx, ctx, { action: 'exchange.exported', subjectType: 'agency', detail: { kind: 'agencies', count: exported.count, file: o.output } }),
        );
        console.log(`已导出 ${exported.count} 个执法主体到 ${o.output} Exported ${exported.count} agencies`);
      }),
    );
}

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { DataDirInUseError, lockDataDir } from './data-dir-lock.js';

const dirs: string[] = [];
const tempDataDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-lock-'));
  dirs.push(dir);
  return path.join(dir, 'pgdata');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('embedded database directory lock', () => {
  it('refuses a second opening of the same directory until the first is closed', async () => {
    const dataDir = tempDataDir();
    const first = await openDatabase({ dataDir });
    await expect(openDatabase({ dataDir })).rejects.toThrow(DataDirInUseError);
    await expect(openDatabase({ dataDir })).rejects.toThrow(`PID ${process.pid}`);
    await first.close();
    const second = await openDatabase({ dataDir });
    expect(await second.query<{ one: number }>('select 1 as one')).toEqual([{ one: 1 }]);
    await second.close();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('tells a second process (the CLI) clearly, and exits non-zero', async () => {
    const dataDir = tempDataDir();
    const server = await openDatabase({ dataDir });
    try {
      const env = { ...process.env, DATA_DIR: path.dirname(dataDir), DATABASE_URL: '' };
      const run = spawnSync(process.execPath, ['bin/sanxiang.mjs', 'verify', '--no-files'], { env, encoding: 'utf8', timeout: 120_000 });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('数据库目录正被另一个进程');
      expect(run.stderr).toContain(`PID ${process.pid}`);
    } finally {
      await server.close();
    }
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const dataDir = tempDataDir();
    // A PID that is not running: the child has exited by the time spawnSync returns.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(`${dataDir}.lock`, dead.stdout);
    const release = lockDataDir(dataDir);
    expect(fs.readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('takes over a lock file with no PID in it', () => {
    const dataDir = tempDataDir();
    fs.writeFileSync(`${dataDir}.lock`, 'garbage');
    const release = lockDataDir(dataDir);
    release();
  });
});

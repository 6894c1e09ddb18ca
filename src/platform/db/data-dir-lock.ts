import fs from 'node:fs';

/**
 * An exclusive lock on an embedded database directory. PGlite has no lock of its own: two
 * processes (the server and `sanxiang verify`, say) opening one data directory would each write
 * their own copy of it. The lock is a file created with O_EXCL holding the owner's PID; a lock
 * left by a process that no longer runs is taken over.
 */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `数据库目录正被另一个进程（PID ${pid}）使用：${dataDir}。请先停止该进程（例如正在运行的 sanxiang serve），或对 PostgreSQL 使用 DATABASE_URL。\n` +
        `The database directory ${dataDir} is in use by another process (PID ${pid}). Stop that process first (e.g. a running \`sanxiang serve\`), or use PostgreSQL through DATABASE_URL.`,
    );
    this.name = 'DataDirInUseError';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock for `dataDir` (the file `<dataDir>.lock` beside it); returns its release. */
export function lockDataDir(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockFile, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        fs.rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(fs.readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) throw new DataDirInUseError(dataDir, pid);
      // A stale lock (its process is gone, or the file is unreadable garbage): take it over once.
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new DataDirInUseError(dataDir, Number(fs.readFileSync(lockFile, 'utf8').trim()));
}

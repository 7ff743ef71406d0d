// One process at a time on an embedded database directory: a lock file beside it holding the owner's pid.
// A lock left by a dead process (killed ingest) is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { StoreError } from './errors.ts';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export function acquireDirLock(lockPath: string, dbDir: string): () => void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new StoreError('unusable_database', `cannot create lock ${lockPath}: ${(e as Error).message}`);
      let pid = Number.NaN;
      try {
        pid = Number(readFileSync(lockPath, 'utf8').trim());
      } catch {
        // vanished meanwhile: retry
      }
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid))
        throw new StoreError(
          'locked',
          `embedded database ${dbDir} is in use by process ${pid}; an embedded database takes one process at a time (use PostgreSQL for several workers)`,
        );
      if (pid === process.pid) throw new StoreError('locked', `embedded database ${dbDir} is already open in this process`);
      rmSync(lockPath, { force: true });
    }
  }
  throw new StoreError('locked', `cannot lock embedded database ${dbDir}`);
}

import { spawn } from 'node:child_process';
import { BackupError } from './backup-manifest.ts';

// PostgreSQL's own tools do the dump and restore of a server database: `pg_dump -Fc` reads one
// consistent snapshot while the server keeps running.

const HINT = 'install the PostgreSQL client tools (Debian: postgresql-client) of the server major version or newer';

/** Runs a PostgreSQL client tool; a failure carries the tool's own message. */
export function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      if (stderr.length < 8_000) stderr += c.toString('utf8');
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      reject(new BackupError(err.code === 'ENOENT' ? `${tool} is not on PATH: ${HINT}` : `${tool} could not start: ${err.message}`));
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new BackupError(`${tool} failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' / ')}`));
    });
  });
}

export function pgDump(databaseUrl: string, file: string): Promise<void> {
  return runPgTool('pg_dump', ['--format=custom', '--file', file, '--dbname', databaseUrl]);
}

/** Restores as the connecting user (it owns what it creates); grants to the app roles are kept. */
export function pgRestore(databaseUrl: string, file: string): Promise<void> {
  return runPgTool('pg_restore', ['--no-owner', '--exit-on-error', '--single-transaction', '--dbname', databaseUrl, file]);
}

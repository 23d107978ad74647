/**
 * npm run user -- add --username NAME --role planner|admin --password-stdin
 * npm run user -- list
 * npm run user -- passwd --username NAME --password-stdin
 * npm run user -- disable|enable --username NAME
 * npm run user -- unlock --username NAME      (clears the user's sign-in locks at every address)
 *
 * There is no default account: the first admin is made here. Works on the DATA_DIR (or
 * DATABASE_URL) the server uses, while the server is stopped.
 */
import { parseArgs } from 'node:util';
import { loadDataset } from '../../geodata/load.ts';
import { MIN_PASSWORD_LENGTH, ROLES, userCreateBody, type Role } from '../../geodata/requests.ts';
import { clearUserLocks } from '../auth/throttle.ts';
import { readConfig } from '../config.ts';
import { openDatabase } from '../db/open.ts';
import { createUser, listUsers, updateUser } from '../domain/users.ts';
import { claimDataDir, releaseDataDir } from '../pidfile.ts';

async function readStdin(): Promise<string> {
  let data = '';
  for await (const chunk of process.stdin) data += chunk;
  return data.replace(/\r?\n$/, '');
}

function fail(msg: string): never {
  console.error(`user: ${msg}`);
  process.exit(2);
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { username: { type: 'string' }, role: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
  });
  const [command] = positionals;
  if (!command || !['add', 'list', 'passwd', 'disable', 'enable', 'unlock'].includes(command)) {
    fail('usage: user add --username NAME --role planner|admin --password-stdin | list | passwd --username NAME --password-stdin | disable|enable|unlock --username NAME');
  }
  const needsPassword = command === 'add' || command === 'passwd';
  if (needsPassword && !values['password-stdin']) fail('pass the password on standard input with --password-stdin (never on the command line)');
  if (command !== 'list' && !values.username) fail('--username is required');
  if (command === 'add' && !(ROLES as readonly string[]).includes(values.role ?? '')) fail(`--role must be one of ${ROLES.join(', ')}`);
  const password = needsPassword ? await readStdin() : '';
  if (needsPassword && password.length < MIN_PASSWORD_LENGTH) fail(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);

  const cfg = readConfig();
  // Only PGlite is single-process; with DATABASE_URL the server may keep running.
  const pglite = !process.env.DATABASE_URL;
  if (pglite) claimDataDir(cfg.dataDir);
  const db = await openDatabase({ dataDir: cfg.dataDir }, () => loadDataset(cfg.geodataDir));
  try {
    if (command === 'list') {
      for (const u of await listUsers(db)) console.log(`${u.username}\t${u.role}${u.disabled ? '\tdisabled' : ''}`);
      return;
    }
    const username = values.username!.toLowerCase();
    if (command === 'add') {
      const body = userCreateBody.safeParse({ username, role: values.role as Role, password });
      if (!body.success) fail(body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      const user = await createUser(db, body.data);
      if (!user) fail(`user "${username}" already exists`);
      console.log(`created ${user.role} "${user.username}"`);
      return;
    }
    const [row] = await db.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [username]);
    if (!row) fail(`no user "${username}"`);
    if (command === 'unlock') {
      console.log(`unlock: ${username} (${await clearUserLocks(db, username)} failed attempts forgotten)`);
      return;
    }
    await updateUser(db, row.id, command === 'passwd' ? { password } : { disabled: command === 'disable' });
    console.log(`${command}: ${username}`);
  } finally {
    await db.close();
    if (pglite) releaseDataDir(cfg.dataDir);
  }
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import type { UserRecord } from '../../geodata/api.ts';
import { ROLES, userCreateBody, userPatchBody, type Role } from '../../geodata/requests.ts';
import { ApiError } from '../api.ts';
import { keys } from '../data/keys.ts';
import { useUsers } from '../data/queries.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { errorMessage } from '../lib/error-message.ts';
import { fromProblem, fromZod, type FieldErrors } from '../lib/form-errors.ts';
import { useSession } from '../session/session.tsx';
import { Field } from './forms/Field.tsx';
import { SidePanel } from './SidePanel.tsx';

const ROLE_LABEL = { planner: 'rolePlanner', admin: 'roleAdmin' } as const;

/** Admins only: list accounts, create one, change a role, disable or enable, set a new password. */
export function UsersPanel({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { user: me, expired } = useSession();
  // Asked again each time the panel opens; the answers of this panel's edits go into the same entry.
  const query = useUsers();
  const users = query.data ?? null;
  const error = query.error ? errorMessage(query.error, t) : null;
  useEffect(() => {
    if (query.error instanceof ApiError && query.error.status === 401) expired();
  }, [query.error]);
  const qc = useQueryClient();
  const setUsers = (f: (list: UserRecord[]) => UserRecord[]) => qc.setQueryData<UserRecord[]>(keys.users, (list) => f(list ?? []));

  const replace = (u: UserRecord) => setUsers((list) => list.map((x) => (x.id === u.id ? u : x)));

  return (
    <SidePanel title={t('users')} className="users-panel" testId="users-panel" onClose={onClose}>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <CreateUserForm onCreated={(u) => setUsers((list) => [...list, u].sort((a, b) => a.username.localeCompare(b.username)))} />
      <h3>{t('userList')}</h3>
      {!users ? (
        <p className="form-notice">{t('loading')}</p>
      ) : (
        <ul className="users">
          {users.map((u) => (
            <UserRow key={u.id} user={u} isMe={u.id === me?.id} onChanged={replace} />
          ))}
        </ul>
      )}
    </SidePanel>
  );
}

function CreateUserForm({ onCreated }: { onCreated: (u: UserRecord) => void }) {
  const { t } = useI18n();
  const { editor, expired } = useSession();
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('planner');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setDone(null);
    const body = userCreateBody.safeParse({ username: username.trim().toLowerCase(), role, password });
    if (!body.success) {
      setErrors(fromZod(body.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const u = await editor!.createUser(body.data);
      onCreated(u);
      setDone(t('userCreated', { name: u.username }));
      setUsername('');
      setPassword('');
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) expired();
      setErrors(fromProblem(err));
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="edit-form" aria-label={t('createUser')} onSubmit={submit} noValidate>
      <h3>{t('createUser')}</h3>
      <div className="field-row">
        <Field label={t('username')} error={errors.username}>
          {(p) => <input {...p} name="new-username" autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} />}
        </Field>
        <Field label={t('role')} error={errors.role}>
          {(p) => (
            <select {...p} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(ROLE_LABEL[r])}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('password')} error={errors.password} hint={t('passwordHint')}>
        {(p) => <input {...p} name="new-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="form-notice success" role="status">
          {done}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('createUser')}
        </button>
      </div>
    </form>
  );
}

/** One account. An admin cannot demote or disable themself (the server refuses it too). */
function UserRow({ user, isMe, onChanged }: { user: UserRecord; isMe: boolean; onChanged: (u: UserRecord) => void }) {
  const { t, when, explain } = useI18n();
  const { editor, expired } = useSession();
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function patch(body: { role?: Role; disabled?: boolean; password?: string }, doneText: string) {
    setError(null);
    setDone(null);
    const parsed = userPatchBody.safeParse(body);
    if (!parsed.success) {
      setError(Object.values(fromZod(parsed.error)).map(explain).join('; '));
      return;
    }
    setBusy(true);
    try {
      onChanged(await editor!.patchUser(user.id, parsed.data));
      // A new password ends all of the account's sessions, this one included.
      if (isMe && parsed.data.password) return expired();
      setDone(doneText);
      setResetting(false);
      setPassword('');
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) expired();
      const fields = Object.values(fromProblem(err));
      setError(fields.length ? fields.map(explain).join('; ') : errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className={user.disabled ? 'user disabled' : 'user'} data-testid="user-row">
      <div className="user-head">
        <strong>{user.username}</strong>
        {user.disabled && <span className="badge">{t('disabled')}</span>}
        <small>
          {t('createdAt')} {when(user.createdAt)}
        </small>
      </div>
      <div className="actions">
        <label>
          <span className="sr-only">{t('role')}</span>
          <select value={user.role} disabled={busy || isMe} onChange={(e) => void patch({ role: e.target.value as Role }, t('roleChanged'))}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(ROLE_LABEL[r])}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" disabled={busy || isMe} onClick={() => void patch({ disabled: !user.disabled }, t(user.disabled ? 'userEnabled' : 'userDisabled'))}>
          {t(user.disabled ? 'enable' : 'disable')}
        </button>
        <button type="button" className="secondary" disabled={busy} aria-expanded={resetting} onClick={() => setResetting((r) => !r)}>
          {t('resetPassword')}
        </button>
      </div>
      {resetting && (
        <form
          className="reset"
          onSubmit={(e) => {
            e.preventDefault();
            void patch({ password }, t('passwordChanged'));
          }}
        >
          <label>
            {t('newPassword')}
            <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          <small className="hint">{isMe ? t('passwordSelfHint') : t('passwordHint')}</small>
          <button type="submit" disabled={busy}>
            {t('save')}
          </button>
        </form>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="form-notice success" role="status">
          {done}
        </p>
      )}
    </li>
  );
}

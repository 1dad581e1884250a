// The REST API client: the signed-in session, token refresh, and problem+json errors in words.

const BASE = '/api/v1/';
const STORE_KEY = 'tradesense.session';

/** An answer the API refused, in its own words (RFC 9457 problem+json). */
export class ApiError extends Error {
  constructor(status, title, detail, errors = [], instance = null) {
    super(detail || title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
    this.instance = instance;
  }

  /** The errors of one field, by its JSON path ("email", "phases[0].dailyLoss.pct"). */
  errorsFor(path) {
    return this.errors.filter((e) => e.path === path).map((e) => e.message);
  }
}

const listeners = new Set();
let session = load();
let refreshing = null;

function load() {
  try {
    const stored = JSON.parse(window.sessionStorage.getItem(STORE_KEY) || 'null');
    return stored && stored.accessToken ? stored : null;
  } catch (e) {
    return null;
  }
}

function save(next) {
  session = next;
  if (next) {
    window.sessionStorage.setItem(STORE_KEY, JSON.stringify(next));
  } else {
    window.sessionStorage.removeItem(STORE_KEY);
  }
  listeners.forEach((listener) => listener(session));
}

export function onSessionChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentSession() {
  return session;
}

export function me() {
  return session ? session.me : null;
}

export function hasRole(...roles) {
  const user = me();
  return Boolean(user && user.roles && roles.some((role) => user.roles.includes(role)));
}

export function isStaff() {
  return hasRole('RISK', 'ADMIN');
}

function remember(tokens, who) {
  save({
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: Date.now() + (Number(tokens.expiresIn) || 900) * 1000,
    me: who,
  });
}

export async function signIn(email, password) {
  const tokens = await request('auth/login', { method: 'POST', body: { email, password }, auth: false });
  const who = await request('auth/me', { headers: { Authorization: `Bearer ${tokens.accessToken}` }, auth: false });
  remember(tokens, who);
  return who;
}

export async function register(email, password, displayName) {
  return request('auth/register', { method: 'POST', body: { email, password, displayName }, auth: false });
}

export async function signOut() {
  const ending = session;
  save(null);
  if (ending && ending.refreshToken) {
    try {
      await request('auth/logout', { method: 'POST', body: { refreshToken: ending.refreshToken }, auth: false });
    } catch (e) {
      // Signed out locally either way; the refresh token expires by itself.
    }
  }
}

/**
 * Spends the refresh token for new tokens (one refresh at a time, shared by every caller).
 * Resolves to true when the session goes on, false when it ended.
 */
export function refresh() {
  if (!session || !session.refreshToken) {
    return Promise.resolve(false);
  }
  if (!refreshing) {
    const spent = session.refreshToken;
    refreshing = request('auth/refresh', { method: 'POST', body: { refreshToken: spent }, auth: false })
      .then(async (tokens) => {
        let who = session ? session.me : null;
        try {
          who = await request('auth/me', { headers: { Authorization: `Bearer ${tokens.accessToken}` }, auth: false });
        } catch (e) {
          // Keep what we knew; roles change only at the next sign-in.
        }
        remember(tokens, who);
        return true;
      })
      .catch((error) => {
        if (error instanceof ApiError && (error.status === 401 || error.status === 422 || error.status === 400)) {
          save(null);
          return false;
        }
        throw error;
      })
      .finally(() => { refreshing = null; });
  }
  return refreshing;
}

/** An access token good for at least another minute (for opening WebSockets). */
export async function freshToken() {
  if (session && session.expiresAt - Date.now() < 60_000) {
    await refresh();
  }
  return session ? session.accessToken : null;
}

/**
 * Calls the API. body is sent as JSON (a string is sent as it is). Answers the parsed JSON (null for
 * 204), or throws an ApiError with the problem's title, detail and field errors.
 */
export async function request(path, options = {}) {
  const { method = 'GET', body, auth = true, headers = {}, signal, retried = false } = options;
  const sent = { Accept: 'application/json, application/problem+json', ...headers };
  if (body !== undefined && !sent['Content-Type']) {
    sent['Content-Type'] = 'application/json';
  }
  if (auth && session) {
    sent.Authorization = `Bearer ${session.accessToken}`;
  }
  let response;
  try {
    response = await fetch(BASE + path, {
      method, headers: sent, signal, credentials: 'omit', cache: 'no-store',
      body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
    });
  } catch (e) {
    if (e && e.name === 'AbortError') {
      throw e;
    }
    throw new ApiError(0, 'The server could not be reached',
      'Check your connection; TradeSense did not answer.');
  }
  if (response.status === 401 && auth && session && !retried) {
    if (await refresh()) {
      return request(path, { ...options, retried: true });
    }
    throw new ApiError(401, 'Signed out', 'Your session has ended. Please sign in again.');
  }
  if (!response.ok) {
    throw await problemOf(response);
  }
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

async function problemOf(response) {
  let problem = null;
  try {
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) {
      problem = await response.json();
    }
  } catch (e) {
    problem = null;
  }
  if (problem && typeof problem === 'object' && (problem.title || problem.detail)) {
    const errors = Array.isArray(problem.errors)
      ? problem.errors.filter((e) => e && typeof e.message === 'string')
        .map((e) => ({ path: String(e.path || ''), message: e.message }))
      : [];
    return new ApiError(response.status, String(problem.title || response.statusText),
      problem.detail ? String(problem.detail) : '', errors, problem.instance || null);
  }
  // Never show a server's raw body: it could be an HTML error page.
  return new ApiError(response.status, `The server answered ${response.status}`,
    response.status >= 500 ? 'Something went wrong on the server; try again shortly.' : '');
}

// ---- Shortcuts ----------------------------------------------------------------------------

export const get = (path, options) => request(path, options);
export const post = (path, body, options = {}) => request(path, { ...options, method: 'POST', body });
export const put = (path, body, options = {}) => request(path, { ...options, method: 'PUT', body });
export const del = (path, options = {}) => request(path, { ...options, method: 'DELETE' });

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, value);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const planCache = new Map();

/** A plan version, fetched once per page life. */
export function plan(code, version) {
  const key = `${code}@${version || 'latest'}`;
  if (!planCache.has(key)) {
    const loading = get(`plans/${encodeURIComponent(code)}${query({ version })}`);
    loading.catch(() => planCache.delete(key));
    planCache.set(key, loading);
  }
  return planCache.get(key);
}

export function forgetPlans() {
  planCache.clear();
}

/** The WebSocket URL of a live channel on this same origin. */
export async function socketUrl(path) {
  const token = await freshToken();
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/ws/${path}?access_token=${encodeURIComponent(token || '')}`;
}

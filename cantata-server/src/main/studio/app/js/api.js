// The studio's one door to the server: every call goes to Cantata's public routes on this origin, with the API key
// (kept in this browser's localStorage) as the bearer when one is set. Errors come back in each dialect's own shape;
// `message` reads all of them, so the page can say what went wrong in the server's words.

const KEY = 'cantata.apiKey';
const listeners = new Set();

export function apiKey() {
  return localStorage.getItem(KEY) || '';
}

export function setApiKey(value) {
  if (value) localStorage.setItem(KEY, value);
  else localStorage.removeItem(KEY);
}

/** Called with no arguments whenever the server answers 401: the page then asks for the key. */
export function onUnauthorized(listener) {
  listeners.add(listener);
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The text of any of Cantata's error shapes: FastAPI's detail (a string or a list), OpenAI's and Suno's error. */
export function message(body, status) {
  if (body && typeof body === 'object') {
    if (typeof body.detail === 'string') return body.detail;
    if (Array.isArray(body.detail)) {
      return body.detail.map((d) => [...(d.loc || []).slice(1), d.msg].filter(Boolean).join(': ')).join('; ');
    }
    if (typeof body.error === 'string') return body.error;
    if (body.error && typeof body.error.message === 'string') return body.error.message;
    if (typeof body.message === 'string') return body.message;
  }
  return `the server answered ${status}`;
}

function headers(extra = {}) {
  const h = { ...extra };
  const key = apiKey();
  if (key) h.Authorization = `Bearer ${key}`;
  return h;
}

/** A fetch to the server with the key; throws ApiError with the server's message on any status but 2xx. */
export async function call(path, { method = 'GET', json, form, signal } = {}) {
  const init = { method, headers: headers(), signal };
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    init.headers['Content-Type'] = 'application/json';
  } else if (form !== undefined) {
    init.body = form;
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'the server cannot be reached');
  }
  if (response.status === 401) listeners.forEach((l) => l());
  if (!response.ok) {
    let body = null;
    try {
      body = await response.json();
    } catch {
      // not JSON: the status says enough
    }
    throw new ApiError(response.status, message(body, response.status));
  }
  return response;
}

export async function json(path, options) {
  return (await call(path, options)).json();
}

/** Fetches a file the page shows or plays (audio, stems) with the key, as an object URL. */
export async function blobUrl(path) {
  const response = await call(path);
  return URL.createObjectURL(await response.blob());
}

/** Downloads a route's answer as a file named `name` (a link click on an object URL, so the key is sent). */
export async function download(path, name) {
  const url = await blobUrl(path);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A path on this server from a URL the server handed out (they carry its host as it saw it). */
export function local(url) {
  if (!url) return url;
  try {
    const u = new URL(url, location.href);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

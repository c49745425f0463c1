// Small pieces the studio's screens share: the status line, element creation, times and sizes as people read them.

const status = () => document.getElementById('status');

/** Says something in the status line (an aria-live region, so screen readers hear it). */
export function say(text) {
  const s = status();
  s.textContent = text;
  s.classList.remove('bad');
}

/** Says what went wrong, in the server's words. */
export function fail(error) {
  if (error && error.status === 401) return; // the key form has said it (api.js's onUnauthorized)
  const s = status();
  s.textContent = error && error.message ? error.message : String(error);
  s.classList.add('bad');
}

/** `el('button', {class: 'ghost', onclick}, 'Play')`: attributes, listeners (on…) and children (text is escaped). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function clock(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) seconds = 0;
  const m = Math.floor(seconds / 60);
  const s = Math.floor(seconds % 60);
  return `${m}:${String(s).padStart(2, '0')}`;
}

export function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString();
}

/** Runs an async action from a button, disabling it meanwhile and reporting any failure. */
export function guarded(button, action) {
  return async (event) => {
    if (event) event.preventDefault();
    button.disabled = true;
    try {
      await action();
    } catch (e) {
      if (e.name !== 'AbortError') fail(e);
    } finally {
      button.disabled = false;
    }
  };
}

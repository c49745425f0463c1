// The studio's entry: tabs, the API key, credits, and the screens (make, library, speak, the song player).
import { apiKey, setApiKey, onUnauthorized, json } from './api.js';
import { say, fail } from './ui.js';
import { Player } from './player.js';
import { Make } from './make.js';
import { Library } from './library.js';
import { Speak } from './speak.js';

const tabs = [...document.querySelectorAll('.tab')];

function show(name) {
  for (const tab of tabs) {
    const on = tab.dataset.tab === name;
    if (on) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
    document.getElementById(`tab-${tab.dataset.tab}`).hidden = !on;
  }
  document.getElementById('song').hidden = name === 'speak' || !player.open;
  if (name === 'library') library.refresh().catch(fail);
  if (name === 'speak') speak.refresh().catch(fail);
  if (location.hash !== `#${name}`) history.replaceState(null, '', `#${name}`);
}

tabs.forEach((tab) => tab.addEventListener('click', () => show(tab.dataset.tab)));

// ------------------------------------------------------------------ the API key
const keyForm = document.getElementById('key-form');
const keyInput = document.getElementById('key-input');
document.getElementById('key-button').addEventListener('click', () => {
  keyForm.hidden = !keyForm.hidden;
  if (!keyForm.hidden) keyInput.focus();
});
keyForm.addEventListener('submit', (e) => {
  e.preventDefault();
  setApiKey(keyInput.value.trim());
  keyInput.value = '';
  keyForm.hidden = true;
  say('API key saved in this browser.');
  credits();
  speak.refresh().catch(fail);
});
document.getElementById('key-clear').addEventListener('click', () => {
  setApiKey('');
  say('API key forgotten.');
});
onUnauthorized(() => {
  keyForm.hidden = false;
  fail(new Error(apiKey() ? 'The server refused this API key: enter the right one.' : 'This server wants an API key.'));
});

// ------------------------------------------------------------------ credits
export async function credits() {
  const box = document.getElementById('credits');
  try {
    const limit = await json('/api/get_limit');
    box.textContent = `${limit.credits_left} of ${limit.monthly_limit} credits left this month`;
    box.hidden = false;
  } catch {
    box.hidden = true; // without the key, or a server without credits: nothing to show
  }
}

const player = new Player({ onChange: () => library.dirty() });
const make = new Make({ player, onQueued: credits });
const library = new Library({ player, onDeleted: credits });
const speak = new Speak();
player.onOpen = () => {
  document.getElementById('song').hidden = false;
};
player.make = make;

window.addEventListener('hashchange', () => {
  const name = location.hash.slice(1);
  if (['make', 'library', 'speak'].includes(name)) show(name);
});
credits();
show(['make', 'library', 'speak'].includes(location.hash.slice(1)) ? location.hash.slice(1) : 'make');
window.cantataStudio = { player, make, library, speak }; // for the browser tests' inspection

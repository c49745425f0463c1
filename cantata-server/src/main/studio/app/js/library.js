// The library: every song of this account (the Suno feed), with its cover, title, style, length and date, searched
// as one types; delete a song; and what the clip retention will remove and when.
import { json, blobUrl, local } from './api.js';
import { el, say, fail, clock, when, guarded } from './ui.js';
import { done } from './make.js';

const MAX_PAGES = 25; // 500 songs; the feed gives 20 a page

export class Library {
  constructor({ player, onDeleted }) {
    this.player = player;
    this.onDeleted = onDeleted;
    this.clips = [];
    this.stale = true;
    this.list = document.getElementById('library');
    this.search = document.getElementById('search');
    this.search.addEventListener('input', () => this.render());
  }

  dirty() {
    this.stale = true;
  }

  async refresh() {
    const clips = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const batch = await json(`/api/get?page=${page}`);
      clips.push(...batch);
      if (batch.length < 20) break;
    }
    this.clips = clips.filter((c) => c.type !== 'stem' && !c.stem_from_id);
    this.stale = false;
    this.render();
  }

  render() {
    const query = this.search.value.trim().toLowerCase();
    const shown = this.clips.filter((c) => !query || `${c.title} ${c.tags}`.toLowerCase().includes(query));
    this.list.replaceChildren(...shown.map((c) => this.tile(c)));
    const empty = document.getElementById('library-empty');
    empty.hidden = shown.length > 0;
    empty.textContent = this.clips.length ? `No song matches “${this.search.value}”.` : 'No songs yet: make one on the Make tab.';
    const expiring = this.clips.filter((c) => c.expires_at).sort((a, b) => a.expires_at.localeCompare(b.expires_at));
    document.getElementById('retention').textContent = expiring.length
      ? `This server deletes finished songs after a while: the next to go is “${expiring[0].title}” at ${when(expiring[0].expires_at)}; each song shows its own date.`
      : 'This server keeps songs until you delete them.';
  }

  tile(c) {
    const img = el('img', { alt: '', loading: 'lazy' });
    if (c.image_url && c.status !== 'error') blobUrl(local(c.image_url)).then((u) => (img.src = u)).catch(() => {});
    const open = el('button', { type: 'button', disabled: !done(c) }, 'Open');
    open.addEventListener('click', guarded(open, async () => {
      await this.player.show(c.id);
      document.querySelector('.tab[data-tab="library"]').click();
      document.getElementById('song').scrollIntoView({ block: 'start' });
    }));
    const remove = el('button', { type: 'button', class: 'ghost', 'aria-label': `Delete ${c.title || 'this song'}` }, 'Delete');
    remove.addEventListener('click', guarded(remove, () => this.remove(c)));
    const facts = [c.duration ? clock(c.duration) : c.status, when(c.created_at)].filter(Boolean).join(' · ');
    return el('li', { class: 'tile', 'data-clip': c.id },
      img,
      el('div', { class: 'body' },
        el('span', { class: 'name', title: c.title }, c.title || 'Untitled'),
        el('span', { class: 'hint' }, c.tags || 'no style'),
        el('span', { class: 'hint' }, facts),
        c.expires_at ? el('span', { class: 'hint' }, `deleted by retention at ${when(c.expires_at)}`) : null,
        el('div', { class: 'row' }, open, remove)));
  }

  async remove(c) {
    if (!confirm(`Delete “${c.title || 'this song'}” and its files? This cannot be undone.`)) return;
    await json(`/api/clip?id=${encodeURIComponent(c.id)}`, { method: 'DELETE' });
    this.clips = this.clips.filter((x) => x.id !== c.id);
    if (this.player.version?.id === c.id) this.player.close();
    this.render();
    this.onDeleted();
    say(`Deleted “${c.title}”.`);
  }
}

export { fail };

// The song player: waveform (wavesurfer.js), sections on the timeline, lyrics highlighted word by word from the
// score's exact timings, the stem mixer, downloads, and the song's versions as the server lists them (variations,
// extensions, replaced sections: each a clip with its own words, stems and files) with A/B against the previous one.
import WaveSurfer from '../vendor/wavesurfer.esm.js';
import RegionsPlugin from '../vendor/regions.esm.js';
import { json, call, blobUrl, download, local } from './api.js';
import { el, say, fail, clock, guarded } from './ui.js';
import { Mixer } from './mixer.js';
import { History } from './history.js';
import { Editor } from './editor.js';

/** Words further apart than this start a new lyric line (a sung phrase ends with a rest). */
const LINE_GAP_S = 0.45;

export class Player {
  constructor({ onChange }) {
    this.onChange = onChange;
    this.open = false;
    this.version = null; // {id, clip, title}: every version is a clip
    this.words = [];
    this.wordNodes = [];
    this.sectionNodes = [];
    this.urls = new Map(); // version id -> object URL of its audio
    this.history = new History();
    const css = getComputedStyle(document.documentElement);
    this.regions = RegionsPlugin.create();
    this.wave = WaveSurfer.create({
      container: '#wave',
      height: 96,
      waveColor: css.getPropertyValue('--wave').trim() || '#c9b9ad',
      progressColor: css.getPropertyValue('--progress').trim() || '#b4461f',
      cursorColor: css.getPropertyValue('--ink').trim() || '#1d1b18',
      normalize: true,
      plugins: [this.regions],
    });
    this.mixer = new Mixer(this);
    this.editor = new Editor(this);
    this.playButton = document.getElementById('play');
    this.playButton.addEventListener('click', () => this.toggle());
    this.wave.on('timeupdate', (t) => this.tick(t));
    this.wave.on('play', () => { this.playButton.textContent = '❚❚ Pause'; this.playButton.setAttribute('aria-label', 'Pause'); this.mixer.sync(); });
    this.wave.on('pause', () => { this.playButton.textContent = '▶ Play'; this.playButton.setAttribute('aria-label', 'Play'); this.mixer.sync(); });
    this.wave.on('seeking', () => this.mixer.sync());
    this.wave.on('finish', () => this.mixer.sync());
    document.getElementById('song-close').addEventListener('click', () => this.close());
    document.getElementById('versions').addEventListener('change', (e) => this.showVersion(e.target.value).catch(fail));
    const variation = document.getElementById('variation');
    variation.addEventListener('click', guarded(variation, () => this.variation()));
    document.getElementById('extend').addEventListener('click', () => this.extendForm());
    // the keyboard's way to a region: the section the playhead is in
    document.getElementById('select-section').addEventListener('click', () => {
      const t = this.wave.getCurrentTime();
      const s = this.sectionAt(t) || (this.form?.sections || []).at(-1);
      if (!s) return;
      this.editor.select(s.start_s, Math.min(s.end_s, this.wave.getDuration()));
      document.getElementById('edit-lyrics')?.focus();
    });
    document.addEventListener('keydown', (e) => {
      // space plays and pauses when nothing that takes typing has the focus
      if (e.code === 'Space' && this.open && !e.target.closest('input, textarea, select, button, [contenteditable]')) {
        e.preventDefault();
        this.toggle();
      }
    });
  }

  playing() {
    return this.open && this.wave.isPlaying();
  }

  toggle() {
    this.wave.playPause().catch(fail);
  }

  /** A clip is done: when it is a version of the song that is open, the history is read again to list it. */
  async remember(clip) {
    if (!this.open || !this.version) return;
    if (this.history.rootOf(clip) !== this.history.rootOf(this.version.clip)) return;
    await this.history.load(this.version.id);
    this.versions();
  }

  /** Opens a clip of the Suno library in the player, with its song's versions. */
  async show(clipId, options = {}) {
    const [clip] = await json(`/api/get?ids=${encodeURIComponent(clipId)}`);
    if (!clip) throw new Error('That song is no longer in the library.');
    await this.history.load(clip.id);
    await this.load({ id: clip.id, clip, title: clip.title, ...options });
  }

  async showVersion(id) {
    if (this.history.entry(id)) await this.show(id, { keepPosition: true });
  }

  /** Loads a version: its audio into the waveform, its words, sections, stems and files. */
  async load(version) {
    const at = this.version && this.wave.getDuration() ? this.wave.getCurrentTime() : 0;
    const keepPosition = version.keepPosition;
    this.version = version;
    this.open = true;
    if (this.onOpen) this.onOpen();
    const clip = version.clip;
    this.base = clip;
    document.getElementById('song-title').textContent = version.title || clip.title || 'Untitled';
    document.getElementById('song-style').textContent = clip.tags || '';
    const cover = document.getElementById('song-cover');
    cover.alt = `Cover of ${clip.title || 'the song'}`;
    blobUrl(local(clip.image_url)).then((u) => (cover.src = u)).catch(() => cover.removeAttribute('src'));
    this.mixer.reset(clip);
    this.editor.reset();
    let url = this.urls.get(version.id);
    if (!url) {
      url = await blobUrl(local(clip.audio_url));
      this.urls.set(version.id, url);
    }
    await this.wave.load(url);
    this.editor.enable();
    if (keepPosition && at > 0) this.wave.setTime(Math.min(at, this.wave.getDuration()));
    const facts = [clock(this.wave.getDuration())];
    if (clip.history?.length) facts.push(this.history.describe(clip));
    document.getElementById('song-facts').textContent = facts.join(' · ');
    await Promise.all([this.lyrics(clip), this.sections(clip)]);
    this.downloads(version);
    this.versions();
    this.tick(this.wave.getCurrentTime());
    this.onChange();
  }

  close() {
    this.wave.pause();
    this.mixer.stop();
    this.open = false;
    document.getElementById('song').hidden = true;
  }

  async lyrics(clip) {
    const box = document.getElementById('karaoke');
    this.words = [];
    this.wordNodes = [];
    if (!clip.lyric || clip.type === 'stem') {
      box.replaceChildren(el('p', { class: 'hint' }, 'Instrumental: nothing is sung.'));
      return;
    }
    const words = await json(`/api/get_aligned_lyrics?song_id=${clip.id}`);
    this.words = words;
    if (words.length === 0) {
      box.replaceChildren(el('p', { class: 'hint' }, 'No line is sung: the song is too short for its lyrics (make it longer).'));
      return;
    }
    const lines = [];
    let line = null;
    let previousEnd = -1;
    let section = null;
    for (const [i, w] of words.entries()) {
      const s = this.sectionAt(w.start_s);
      if (s && s !== section) {
        section = s;
        lines.push(el('p', { class: 'sect' }, s.label || s.part));
        line = null;
      }
      if (!line || w.start_s - previousEnd > LINE_GAP_S) {
        line = el('p', {});
        lines.push(line);
      } else {
        line.append(' ');
      }
      const node = el('span', { class: 'word', 'data-start': w.start_s, 'data-end': w.end_s, onclick: () => this.seek(w.start_s) }, w.word);
      this.wordNodes[i] = node;
      line.append(node);
      previousEnd = w.end_s;
    }
    box.replaceChildren(...lines);
  }

  sectionAt(t) {
    return (this.form?.sections || []).find((s) => t >= s.start_s && t < s.end_s);
  }

  async sections(clip) {
    const strip = document.getElementById('sections');
    this.sectionNodes = [];
    strip.replaceChildren();
    if (clip.type === 'stem') return;
    this.form = await json(`/api/get_sections?song_id=${clip.id}`);
    const length = this.wave.getDuration() || this.form.length;
    for (const s of this.form.sections) {
      const node = el('button', {
        type: 'button', title: `${s.label || s.part}: ${clock(s.start_s)}–${clock(s.end_s)}`,
        style: `left:${(100 * s.start_s) / length}%;width:${(100 * (s.end_s - s.start_s)) / length}%`,
        onclick: () => this.seek(s.start_s),
      }, s.label || s.part);
      this.sectionNodes.push([s, node]);
      strip.append(node);
    }
    // the lyrics were laid out before the sections were known: lay them out again with their headings
    if (this.words.length) await this.lyrics(clip);
    document.getElementById('song-facts').textContent +=
      ` · ${this.form.tempo} bpm · ${this.form.key} ${this.form.mode}`;
  }

  seek(t) {
    this.wave.setTime(t);
    this.mixer.sync();
  }

  /** Called as the playhead moves: the time, the word being sung, the section. */
  tick(t) {
    document.getElementById('time').textContent = `${clock(t)} / ${clock(this.wave.getDuration())}`;
    let now = -1;
    for (let i = 0; i < this.words.length; i++) {
      const node = this.wordNodes[i];
      const w = this.words[i];
      const sung = t >= w.start_s;
      const current = sung && t < w.end_s + 0.05;
      node.classList.toggle('sung', sung && !current);
      node.classList.toggle('now', current);
      if (current) now = i;
    }
    if (now >= 0 && now !== this.lastWord) {
      this.lastWord = now;
      const node = this.wordNodes[now];
      const box = document.getElementById('karaoke');
      const top = node.offsetTop - box.offsetTop;
      if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - 40) box.scrollTop = top - box.clientHeight / 3;
    }
    for (const [s, node] of this.sectionNodes) node.classList.toggle('current', t >= s.start_s && t < s.end_s);
  }

  downloads(version) {
    const box = document.getElementById('downloads');
    const clip = version.clip;
    const name = (clip.title || 'song').replace(/[^\p{L}\p{N} ._-]+/gu, '').trim() || 'song';
    const button = (label, path, file) => {
      const b = el('button', { type: 'button', class: 'ghost' }, label);
      b.addEventListener('click', guarded(b, () => download(path, file)));
      return b;
    };
    box.replaceChildren(
      button('MP3', local(clip.audio_url), `${name}.mp3`),
      button('WAV', `/api/download/${clip.task_id}`, `${name}.wav`),
      button('MIDI', local(clip.midi_url), `${name}.mid`),
      ...this.mixer.files().map(([stem, url]) => button(`${stem} stem`, url, `${name} - ${stem}.flac`)),
    );
    if (this.mixer.files().length === 0) {
      const stems = el('button', { type: 'button', class: 'ghost' }, 'Stems (FLAC)');
      stems.addEventListener('click', guarded(stems, async () => {
        await this.mixer.load();
        this.downloads(version);
      }));
      box.append(stems);
    }
  }

  versions() {
    const list = this.history.list();
    const box = document.getElementById('versions-box');
    const select = document.getElementById('versions');
    box.hidden = list.length < 2;
    select.replaceChildren(...list.map((v, i) =>
      el('option', { value: v.id, selected: v.id === this.version.id, disabled: !v.duration }, `${i + 1}. ${v.title || 'Untitled'} — ${this.history.describe(v)}`)));
    const previous = this.history.previous(this.version.id);
    let ab = document.getElementById('ab');
    if (!ab) {
      ab = el('button', { type: 'button', id: 'ab', class: 'ghost' });
      box.append(ab);
      ab.addEventListener('click', guarded(ab, () => this.abSwap()));
    }
    ab.hidden = !previous && !this.abFrom;
    ab.textContent = this.abFrom ? 'A/B: back to the newer version' : 'A/B: hear the previous version here';
  }

  /** Switches between this version and the one before it, at the same moment of the song. */
  async abSwap() {
    const playing = this.wave.isPlaying();
    let target;
    if (this.abFrom) {
      target = this.abFrom;
      this.abFrom = null;
    } else {
      const previous = this.history.previous(this.version.id);
      if (!previous) return;
      this.abFrom = this.version.id;
      target = previous.id;
    }
    const [clip] = await json(`/api/get?ids=${encodeURIComponent(target)}`);
    if (!clip) throw new Error('That version is no longer in the library.');
    const from = this.abFrom;
    await this.load({ id: clip.id, clip, title: clip.title, keepPosition: true });
    this.abFrom = from;
    this.versions();
    say(`Playing ${this.abFrom ? 'the previous version' : 'this version'} from ${clock(this.wave.getCurrentTime())}.`);
    if (playing) await this.wave.play();
  }

  async variation() {
    const clip = this.base;
    const request = { prompt: clip.prompt, tags: clip.tags, title: clip.title, make_instrumental: !clip.lyric, variation_of: clip.id };
    const clips = await this.make.again(request);
    say(`Making two variations of ${clip.title}: they join its history when they are done.`);
    return clips;
  }

  extendForm() {
    const box = document.querySelector('.change');
    let form = document.getElementById('extend-form');
    if (form) {
      form.remove();
      return;
    }
    const at = this.wave.getCurrentTime();
    const text = el('textarea', { id: 'extend-lyrics', rows: 3, 'aria-label': 'Lyrics after the join', placeholder: '[Verse]\nNew lines after the join' });
    const go = el('button', { type: 'submit' }, `Extend from ${clock(at)}`);
    form = el('form', { id: 'extend-form', class: 'field' }, text, go);
    form.addEventListener('submit', guarded(go, async () => {
      const clip = this.base;
      const request = { audio_id: clip.id, continue_at: Math.round(this.wave.getCurrentTime() * 100) / 100, prompt: text.value, tags: clip.tags, title: clip.title };
      const clips = await json('/api/extend_audio', { method: 'POST', json: request });
      this.make.follow(clips);
      say(`Extending ${clip.title} from ${clock(request.continue_at)}: follow it on the Make tab.`);
      form.remove();
    }));
    box.append(form);
    text.focus();
  }
}

export { call };

// The Make screen: lyrics, style (known words offered as they are typed, unknown ones shown), length, seed,
// instrumental; the songs being made, each with its place in the queue and the engine's stage as it happens.
import { json } from './api.js';
import { el, say, fail, guarded } from './ui.js';

const POLL_MS = 1000;

export class Make {
  constructor({ player, onQueued }) {
    this.player = player;
    this.onQueued = onQueued;
    this.jobs = new Map(); // clip id -> {clip, take, opened}
    this.vocabulary = null;
    this.form = document.getElementById('song-form');
    this.style = document.getElementById('style');
    this.suggest = document.getElementById('style-suggest');
    this.words = document.getElementById('style-words');
    this.queue = document.getElementById('queue');
    this.makeButton = document.getElementById('make');
    this.form.addEventListener('submit', guarded(this.makeButton, () => this.submit()));
    this.style.addEventListener('input', () => this.typed());
    this.style.addEventListener('keydown', (e) => this.keys(e));
    this.style.addEventListener('blur', () => setTimeout(() => (this.suggest.hidden = true), 150));
    const lrc = document.getElementById('to-lrc');
    lrc.addEventListener('click', guarded(lrc, () => this.timeLyrics()));
    this.reference = null;
    const file = document.getElementById('reference-file');
    const drop = document.getElementById('drop-reference');
    file.addEventListener('change', () => file.files[0] && this.refer(file.files[0]));
    drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      drop.classList.remove('over');
      if (e.dataTransfer.files[0]) this.refer(e.dataTransfer.files[0]);
    });
    document.getElementById('reference-choose').addEventListener('click', () => file.click());
    document.getElementById('reference-clear').addEventListener('click', () => this.refer(null));
    this.loadVocabulary().catch(() => {}); // without the key it comes once the key is given (typing retries)
    this.timer = setInterval(() => this.poll().catch(() => {}), POLL_MS);
  }

  async loadVocabulary() {
    const answer = await json('/api/style');
    this.vocabulary = Object.entries(answer.vocabulary).flatMap(([kind, words]) => words.map((w) => ({ kind, w })));
  }

  /** The word being typed: after the last comma or space. */
  current() {
    const text = this.style.value.slice(0, this.style.selectionStart ?? this.style.value.length);
    const m = text.match(/([^,;/|]*)$/);
    return (m ? m[1] : '').trimStart().toLowerCase();
  }

  async typed() {
    if (!this.vocabulary) await this.loadVocabulary().catch(() => {});
    const part = this.current();
    this.suggest.replaceChildren();
    if (this.vocabulary && part.length >= 1) {
      const last = part.split(/\s+/).pop();
      const hits = this.vocabulary
        .filter(({ w }) => w.startsWith(part) || (last && w.startsWith(last)))
        .filter(({ w }) => w !== part)
        .slice(0, 8);
      hits.forEach(({ kind, w }, i) => {
        this.suggest.append(
          el('div', {
            role: 'option', id: `suggest-${i}`, 'aria-selected': i === 0 ? 'true' : 'false',
            onmousedown: (e) => { e.preventDefault(); this.pick(w); },
          }, el('span', {}, w), el('small', {}, kind)),
        );
      });
      this.suggest.hidden = hits.length === 0;
    } else {
      this.suggest.hidden = true;
    }
    clearTimeout(this.readTimer);
    this.readTimer = setTimeout(() => this.read().catch(() => {}), 250);
  }

  keys(e) {
    const options = [...this.suggest.querySelectorAll('[role="option"]')];
    if (this.suggest.hidden || options.length === 0) return;
    const at = options.findIndex((o) => o.getAttribute('aria-selected') === 'true');
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (at + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length;
      options.forEach((o, i) => o.setAttribute('aria-selected', i === next ? 'true' : 'false'));
      this.style.setAttribute('aria-activedescendant', options[next].id);
    } else if ((e.key === 'Enter' || e.key === 'Tab') && at >= 0) {
      e.preventDefault();
      this.pick(options[at].querySelector('span').textContent);
    } else if (e.key === 'Escape') {
      this.suggest.hidden = true;
    }
  }

  /** Replaces the word being typed with a known one. */
  pick(word) {
    const value = this.style.value;
    const cut = value.search(/[^,;/|]*$/);
    const before = value.slice(0, cut);
    this.style.value = `${before}${before && !before.endsWith(' ') ? ' ' : ''}${word}, `;
    this.suggest.hidden = true;
    this.style.focus();
    this.read().catch(() => {});
  }

  /** Shows how the server reads the style: what it heard, and the words it will ignore. */
  async read() {
    const text = this.style.value;
    if (!text.trim()) {
      this.words.replaceChildren();
      return;
    }
    const { reading } = await json(`/api/style?text=${encodeURIComponent(text)}`);
    if (text !== this.style.value) return; // typed on meanwhile
    const chips = [el('span', { class: 'chip' }, reading.genre)];
    reading.moods.forEach((m) => chips.push(el('span', { class: 'chip' }, m)));
    if (reading.voice) chips.push(el('span', { class: 'chip' }, `${reading.voice} voice`));
    if (reading.tempo) chips.push(el('span', { class: 'chip' }, `${reading.tempo} bpm`));
    if (reading.mode) chips.push(el('span', { class: 'chip' }, reading.mode));
    if (reading.instruments.length) chips.push(el('span', { class: 'chip' }, `${reading.instruments.length} instrument(s)`));
    reading.unknown.forEach((w) =>
      chips.push(el('span', { class: 'chip unknown', title: 'Cantata does not know this word: it is ignored' }, `? ${w}`)));
    this.words.replaceChildren(...chips);
  }

  /** Keeps a reference recording for the next song (read as a data: URL, which the route takes). */
  refer(file) {
    this.reference = file;
    document.getElementById('reference-name').textContent = file ? `${file.name} (${Math.round(file.size / 1024)} KB)` : 'None';
    document.getElementById('reference-clear').hidden = !file;
    if (!file) document.getElementById('reference-file').value = '';
  }

  async referenceData() {
    if (!this.reference) return null;
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.onerror = () => reject(new Error(`Could not read ${this.reference.name}`));
      reader.readAsDataURL(this.reference);
    });
  }

  request() {
    const lyrics = document.getElementById('lyrics').value;
    const instrumental = document.getElementById('instrumental').checked;
    const length = document.getElementById('length').value.trim();
    const seed = document.getElementById('seed').value.trim();
    const body = {
      prompt: lyrics,
      tags: this.style.value.replace(/[,\s]+$/, ''),
      title: document.getElementById('title').value.trim(),
      make_instrumental: instrumental,
    };
    if (length) body.duration = Number(length);
    if (seed) body.seed = Number(seed);
    if (!instrumental && !lyrics.trim()) throw new Error('Write some lyrics, or tick Instrumental.');
    return body;
  }

  async submit() {
    const body = this.request();
    const reference = await this.referenceData();
    const sent = reference ? { ...body, reference_audio: reference } : body;
    const clips = await json('/api/custom_generate', { method: 'POST', json: sent });
    clips.forEach((clip, i) => this.jobs.set(clip.id, { clip, take: i + 1, opened: false }));
    say(`Queued: ${clips.map((c) => c.title || 'untitled').join(' and ')}.`);
    this.onQueued();
    this.render();
    await this.poll();
  }

  /** Makes a new take of a song with the same lyrics and style (a variation: another seed, `variation_of` set). */
  async again(request) {
    const body = { ...request, seed: Math.floor(Math.random() * 2 ** 31) };
    const clips = await json('/api/custom_generate', { method: 'POST', json: body });
    this.follow(clips);
    return clips;
  }

  /**
   * Follows clips made elsewhere in the studio (variations, extensions, replaced sections) in the queue; the first
   * take opens in the player when it is done, unless `opened` (its maker opens it).
   */
  follow(clips, opened = false) {
    clips.forEach((clip, i) => this.jobs.set(clip.id, { clip, take: i + 1, opened }));
    this.render();
  }

  async poll() {
    const waiting = [...this.jobs.values()].filter((j) => !done(j.clip) && j.clip.status !== 'error');
    if (waiting.length === 0) return;
    const clips = await json(`/api/get?ids=${waiting.map((j) => j.clip.id).join(',')}`);
    for (const clip of clips) {
      const job = this.jobs.get(clip.id);
      if (!job) continue;
      const finished = done(clip) && !done(job.clip);
      job.clip = clip;
      if (finished) {
        say(`${clip.title} is ready.`);
        await this.player.remember(clip);
        if (!job.opened && job.take === 1 && !this.player.playing()) {
          job.opened = true;
          await this.player.show(clip.id);
        }
      }
    }
    this.render();
  }

  render() {
    const items = [...this.jobs.values()].reverse().map(({ clip, take }) => {
      const state = clip.status === 'error'
        ? `failed: ${clip.error_message || 'no reason given'}`
        : done(clip)
          ? 'done'
          : clip.status === 'queued' || clip.status === 'submitted'
            ? `queued${clip.queue_position ? `, number ${clip.queue_position} in line` : ''}`
            : clip.stage || 'starting';
      const progress = done(clip) ? 100 : clip.progress || 0;
      return el('li', { class: `job${clip.status === 'error' ? ' error' : ''}`, 'data-clip': clip.id, 'data-state': done(clip) ? 'done' : clip.status },
        el('span', { class: 'name' }, `${clip.title || 'Untitled'} · take ${take}`),
        done(clip)
          ? el('button', {
            type: 'button', class: 'ghost',
            onclick: () => this.player.show(clip.id)
              .then(() => document.getElementById('song').scrollIntoView({ block: 'start' }))
              .catch(fail),
          }, 'Open')
          : el('span', { class: 'pct' }, `${progress} %`),
        el('span', { class: 'stage' }, state),
        el('progress', { max: 100, value: progress, 'aria-label': `${clip.title || 'song'} progress` }),
      );
    });
    this.queue.replaceChildren(...items);
    document.getElementById('queue-empty').hidden = items.length > 0;
  }

  /** Asks the composer for the lyrics' timing and puts it back as LRC. */
  async timeLyrics() {
    const lyrics = document.getElementById('lyrics');
    if (!lyrics.value.trim()) throw new Error('Write some lyrics first.');
    const length = document.getElementById('length').value.trim();
    const seed = document.getElementById('seed').value.trim();
    const body = { lyrics: lyrics.value, tags: this.style.value };
    if (length) body.duration = Number(length);
    if (seed) body.seed = Number(seed);
    const answer = await json('/api/time_lyrics', { method: 'POST', json: body });
    if (!answer.lines) throw new Error(`A song of ${Math.round(answer.length)} s has no room for these lines: make it longer.`);
    lyrics.value = answer.lrc;
    const dropped = answer.dropped.length ? ` ${answer.dropped.length} line(s) did not fit and were left out.` : '';
    document.getElementById('lrc-note').textContent =
      `Timed by the composer at ${answer.tempo} bpm: ${answer.lines} lines over ${Math.round(answer.length)} s.${dropped}`;
  }
}

/** A clip whose song is made (Suno says `streaming` for a while after, so the stage decides). */
export function done(clip) {
  return clip.status === 'complete' || clip.stage === 'completed' || (clip.status === 'streaming' && clip.progress === 100);
}

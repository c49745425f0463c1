// The stem mixer: the five stems a song was mixed from (vocals, backing, drums, bass, other), each with mute, solo and
// a level, played in step with the waveform's playhead through Web Audio. While the stems play, the waveform's own
// audio (the mastered mix) is muted and only keeps the time.
import { json, call, local } from './api.js';
import { el, say } from './ui.js';

// Cantata writes the FLAC stems 6 dB down (README, "Stems and MIDI") so that no stem clips; +6 dB brings them back
// to the level they were mixed at.
const STEM_GAIN = 2;

export class Mixer {
  constructor(player) {
    this.player = player;
    this.context = null;
    this.stems = [];
    this.rows = document.getElementById('mixer-rows');
    this.note = document.getElementById('mixer-note');
    this.loadButton = document.getElementById('stems-load');
    this.loadButton.addEventListener('click', async () => {
      this.loadButton.disabled = true;
      try {
        await this.load();
        this.player.downloads(this.player.version);
      } catch (e) {
        this.note.textContent = e.message;
      } finally {
        this.loadButton.disabled = false;
      }
    });
  }

  reset(clip) {
    this.stop();
    this.clip = clip;
    this.stems = [];
    this.rows.replaceChildren();
    this.player.wave.setMuted(false);
    this.loadButton.hidden = !clip;
    this.note.textContent = clip
      ? 'Load the stems to mute, solo or set each part.'
      : 'This version has no stems of its own (a region edit is heard as its mix).';
  }

  files() {
    return this.stems.map((s) => [s.name, s.url]);
  }

  async load() {
    if (!this.clip || this.stems.length) return;
    this.note.textContent = 'Loading the stems…';
    const clips = await json('/api/generate_stems', { method: 'POST', json: { audio_id: this.clip.id } });
    this.context = this.context || new AudioContext();
    const master = this.context.createGain();
    master.connect(this.context.destination);
    const stems = await Promise.all(clips.map(async (c) => {
      const bytes = await (await call(local(c.audio_url))).arrayBuffer();
      const buffer = await this.context.decodeAudioData(bytes);
      const gain = this.context.createGain();
      const analyser = this.context.createAnalyser();
      analyser.fftSize = 2048;
      gain.connect(analyser);
      analyser.connect(master);
      return { name: c.stem, url: local(c.audio_url), buffer, gain, analyser, level: 1, muted: false, solo: false, source: null };
    }));
    if (this.clip === null) return; // the song was closed meanwhile
    this.stems = stems;
    this.rows.replaceChildren(...stems.map((s) => this.row(s)));
    this.note.textContent = 'The stems play instead of the mix: mute, solo or set each part.';
    this.loadButton.hidden = true;
    this.player.wave.setMuted(true);
    this.apply();
    this.sync();
    say(`Loaded ${stems.length} stems.`);
  }

  row(stem) {
    const mute = el('button', { type: 'button', class: 'ghost', 'aria-pressed': 'false', 'aria-label': `Mute ${stem.name}` }, 'M');
    const solo = el('button', { type: 'button', class: 'ghost', 'aria-pressed': 'false', 'aria-label': `Solo ${stem.name}` }, 'S');
    const level = el('input', { type: 'range', min: 0, max: 1.5, step: 0.01, value: 1, 'aria-label': `${stem.name} level` });
    mute.addEventListener('click', () => { stem.muted = !stem.muted; mute.setAttribute('aria-pressed', String(stem.muted)); this.apply(); });
    solo.addEventListener('click', () => { stem.solo = !stem.solo; solo.setAttribute('aria-pressed', String(stem.solo)); this.apply(); });
    level.addEventListener('input', () => { stem.level = Number(level.value); this.apply(); });
    return el('div', { class: 'stem', 'data-stem': stem.name }, el('span', {}, stem.name), mute, solo, level);
  }

  /** Mute silences a stem; any solo silences every stem not soloed; the level scales what is left. */
  apply() {
    const soloing = this.stems.some((s) => s.solo);
    for (const s of this.stems) {
      const audible = !s.muted && (!soloing || s.solo);
      s.effective = audible ? s.level * STEM_GAIN : 0;
      s.gain.gain.setTargetAtTime(s.effective, this.context.currentTime, 0.01);
    }
  }

  /** Starts the stems at the playhead when the waveform plays, stops them when it does not. */
  sync() {
    if (!this.stems.length) return;
    for (const s of this.stems) {
      if (s.source) {
        s.source.onended = null;
        s.source.stop();
        s.source = null;
      }
    }
    const wave = this.player.wave;
    if (!wave.isPlaying()) return;
    if (this.context.state === 'suspended') this.context.resume();
    const at = wave.getCurrentTime();
    const start = this.context.currentTime + 0.02;
    for (const s of this.stems) {
      if (at >= s.buffer.duration) continue;
      const source = this.context.createBufferSource();
      source.buffer = s.buffer;
      source.connect(s.gain);
      source.start(start, at);
      s.source = source;
    }
  }

  stop() {
    for (const s of this.stems) {
      if (s.source) s.source.stop();
      s.source = null;
    }
  }

  /** What each stem sends to the speakers now (RMS after its gain): what the browser tests check a solo by. */
  levels() {
    const out = {};
    for (const s of this.stems) {
      const data = new Float32Array(s.analyser.fftSize);
      s.analyser.getFloatTimeDomainData(data);
      out[s.name] = Math.sqrt(data.reduce((sum, x) => sum + x * x, 0) / data.length);
    }
    return out;
  }
}

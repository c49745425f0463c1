// Speech: text in any voice (built-ins, OpenAI's names, added speakers), pitch and speed, played as it streams (the
// first sentence sounds while the rest is still being made); voice cloning from a file or a microphone recording,
// saved as a speaker; the speaker library (play a sample, delete).
import { json, call, download } from './api.js';
import { el, say, fail, guarded } from './ui.js';

const PCM_RATE = 24000; // OpenAI's pcm: 24 kHz mono 16-bit little-endian
const MAX_RECORDING_MS = 30_000;

export class Speak {
  constructor() {
    this.voice = document.getElementById('voice');
    this.note = document.getElementById('speak-note');
    this.stats = null;
    this.recording = null;
    const form = document.getElementById('speak-form');
    const speak = document.getElementById('speak');
    form.addEventListener('submit', guarded(speak, () => this.speak()));
    document.getElementById('speak-stop').addEventListener('click', () => this.stop());
    const dl = document.getElementById('speak-download');
    dl.addEventListener('click', guarded(dl, () => this.download()));
    for (const id of ['pitch', 'speed']) {
      const input = document.getElementById(id);
      input.addEventListener('input', () => (document.getElementById(`${id}-out`).textContent = `${Number(input.value).toFixed(2)}×`));
    }
    // cloning
    const file = document.getElementById('clone-file');
    file.addEventListener('change', () => file.files[0] && this.take(file.files[0], file.files[0].name));
    const drop = document.getElementById('drop-clone');
    drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      drop.classList.remove('over');
      const f = e.dataTransfer.files[0];
      if (f) this.take(f, f.name);
    });
    document.getElementById('clone-choose').addEventListener('click', () => file.click());
    document.getElementById('record').addEventListener('click', () => this.record().catch(fail));
    const tryIt = document.getElementById('clone-try');
    tryIt.addEventListener('click', guarded(tryIt, () => this.tryClone()));
    const save = document.getElementById('clone-save');
    document.getElementById('clone-form').addEventListener('submit', guarded(save, () => this.save()));
  }

  async refresh() {
    const { voices } = await json('/v1/audio/voices');
    const chosen = this.voice.value;
    const groups = {
      speaker: 'Your speakers', cantata: 'Cantata voices', language: 'Other languages',
      openai: 'OpenAI names', orpheus: 'FlashTTS (Orpheus) names',
    };
    this.voice.replaceChildren(...Object.entries(groups).map(([kind, label]) => {
      const options = voices.filter((v) => (v.kind || 'cantata') === kind)
        .map((v) => el('option', { value: v.id, title: v.description }, v.language && v.language !== 'auto' && kind === 'language' ? `${v.name} (${v.language})` : v.name));
      return options.length ? el('optgroup', { label }, options) : null;
    }).filter(Boolean));
    if ([...this.voice.options].some((o) => o.value === chosen)) this.voice.value = chosen;
    const speakers = voices.filter((v) => v.kind === 'speaker');
    document.getElementById('speakers').replaceChildren(...speakers.map((s) => this.speakerRow(s)));
    document.getElementById('speakers-empty').hidden = speakers.length > 0;
  }

  speakerRow(s) {
    const play = el('button', { type: 'button', class: 'ghost' }, 'Play a sample');
    play.addEventListener('click', guarded(play, () => this.stream(`Hello, this is ${s.name}, a voice cloned in Cantata.`, s.id, 1, 1)));
    const remove = el('button', { type: 'button', class: 'ghost', 'aria-label': `Delete speaker ${s.name}` }, 'Delete');
    remove.addEventListener('click', guarded(remove, async () => {
      if (!confirm(`Delete the speaker “${s.name}”?`)) return;
      const form = new FormData();
      form.append('name', s.name);
      await call('/delete_speaker', { method: 'POST', form });
      say(`Deleted the speaker ${s.name}.`);
      await this.refresh();
    }));
    return el('li', { 'data-speaker': s.name }, el('span', { class: 'name' }, s.name), play, remove);
  }

  body(format, stream) {
    return {
      model: 'tts-1',
      input: document.getElementById('speak-text').value,
      voice: this.voice.value,
      speed: Number(document.getElementById('speed').value),
      pitch: Number(document.getElementById('pitch').value),
      response_format: format,
      stream,
    };
  }

  async speak() {
    const body = this.body('pcm', true);
    if (!body.input.trim()) throw new Error('Write something to say.');
    await this.stream(body.input, body.voice, body.speed, body.pitch);
  }

  /** Plays speech as it arrives: each piece of 16-bit PCM is scheduled right after the one before. */
  async stream(input, voice, speed, pitch) {
    this.stop();
    const controller = new AbortController();
    this.controller = controller;
    document.getElementById('speak-stop').disabled = false;
    this.context = this.context || new AudioContext();
    if (this.context.state === 'suspended') await this.context.resume();
    const started = performance.now();
    this.note.textContent = 'Speaking…';
    const response = await call('/v1/audio/speech', {
      method: 'POST', signal: controller.signal,
      json: { model: 'tts-1', input, voice, speed, pitch, response_format: 'pcm', stream: true },
    });
    const reader = response.body.getReader();
    let next = 0;
    let carry = new Uint8Array(0);
    let samples = 0;
    let firstAudioMs = null;
    this.sources = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const bytes = new Uint8Array(carry.length + value.length);
      bytes.set(carry);
      bytes.set(value, carry.length);
      const even = bytes.length - (bytes.length % 2);
      carry = bytes.slice(even);
      if (even === 0) continue;
      const view = new DataView(bytes.buffer, 0, even);
      const buffer = this.context.createBuffer(1, even / 2, PCM_RATE);
      const channel = buffer.getChannelData(0);
      for (let i = 0; i < even / 2; i++) channel[i] = view.getInt16(i * 2, true) / 32768;
      const source = this.context.createBufferSource();
      source.buffer = buffer;
      source.connect(this.context.destination);
      next = Math.max(next, this.context.currentTime + 0.05);
      source.start(next);
      next += buffer.duration;
      this.sources.push(source);
      samples += even / 2;
      if (firstAudioMs === null) {
        firstAudioMs = Math.round(performance.now() - started);
        this.note.textContent = `Playing (first sound after ${firstAudioMs} ms); the rest is still being made…`;
      }
    }
    const totalMs = Math.round(performance.now() - started);
    this.stats = { firstAudioMs, totalMs, seconds: samples / PCM_RATE };
    this.note.textContent = `Spoken: ${(samples / PCM_RATE).toFixed(1)} s of speech; first sound after ${firstAudioMs} ms, all of it after ${totalMs} ms.`;
    document.getElementById('speak-download').disabled = false;
  }

  stop() {
    if (this.controller) this.controller.abort();
    (this.sources || []).forEach((s) => { try { s.stop(); } catch { /* not started */ } });
    this.sources = [];
    document.getElementById('speak-stop').disabled = true;
  }

  async download() {
    const format = document.getElementById('format').value;
    const body = this.body(format, false);
    const response = await call('/v1/audio/speech', { method: 'POST', json: body });
    const url = URL.createObjectURL(await response.blob());
    const a = el('a', { href: url, download: `speech.${format}` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  take(blob, name) {
    this.recording = { blob, name };
    document.getElementById('clone-file-name').textContent = `${name} (${Math.round(blob.size / 1024)} KB)`;
  }

  async record() {
    const button = document.getElementById('record');
    if (this.recorder) {
      this.recorder.stop();
      return;
    }
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const recorder = new MediaRecorder(stream);
    const parts = [];
    recorder.ondataavailable = (e) => parts.push(e.data);
    recorder.onstop = () => {
      stream.getTracks().forEach((t) => t.stop());
      this.recorder = null;
      clearTimeout(this.recordTimer);
      button.textContent = 'Record';
      this.take(new Blob(parts, { type: recorder.mimeType }), 'microphone recording');
    };
    recorder.start();
    this.recorder = recorder;
    button.textContent = 'Stop recording';
    this.recordTimer = setTimeout(() => recorder.state === 'recording' && recorder.stop(), MAX_RECORDING_MS);
  }

  cloneForm(extra) {
    if (!this.recording) throw new Error('Choose, drop or record a recording of the voice first.');
    const form = new FormData();
    const name = this.recording.name.includes('.') ? this.recording.name : `${this.recording.name}.webm`;
    for (const [k, v] of Object.entries(extra)) form.append(k, v);
    const ref = document.getElementById('clone-ref').value.trim();
    if (ref) form.append('reference_text', ref);
    return [form, name];
  }

  async tryClone() {
    const [form, name] = this.cloneForm({ text: document.getElementById('speak-text').value, response_format: 'wav' });
    form.append('reference_audio_file', this.recording.blob, name);
    document.getElementById('clone-note').textContent = 'Cloning…';
    const response = await call('/clone_voice', { method: 'POST', form });
    const url = URL.createObjectURL(await response.blob());
    this.cloned = new Audio(url);
    await this.cloned.play().catch(() => {});
    document.getElementById('clone-note').textContent = 'Playing the text in the cloned voice.';
  }

  async save() {
    const speaker = document.getElementById('clone-name').value.trim();
    if (!speaker) throw new Error('Give the speaker a name.');
    const [form, name] = this.cloneForm({ name: speaker });
    form.append('audio_file', this.recording.blob, name);
    await call('/add_speaker', { method: 'POST', form });
    document.getElementById('clone-note').textContent = `Saved the speaker ${speaker}.`;
    say(`Saved the speaker ${speaker}: it is in the voice list now.`);
    await this.refresh();
    this.voice.value = speaker;
  }
}

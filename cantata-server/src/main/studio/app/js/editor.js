// Region edits: drag across the waveform to select a span, give it new lyrics, and the server makes only that span
// anew (/api/replace_section: two new clips, everything outside the span kept sample for sample, the seams on beats,
// each with its own stems, word timings and MIDI). The new version joins the song's history on the server; the studio
// compares its WAV with the old one sample by sample and says where they differ.
import { json, call } from './api.js';
import { el, say, clock, guarded } from './ui.js';
import { done } from './make.js';

const POLL_MS = 1000;

export class Editor {
  constructor(player) {
    this.player = player;
    this.region = null;
    player.regions.on('region-created', (region) => {
      if (this.region && this.region !== region) this.region.remove();
      this.region = region;
      this.form();
    });
    player.regions.on('region-updated', () => this.form());
  }

  /** Lets a drag across the loaded waveform select a span (the plugin binds to the waveform as it is drawn). */
  enable() {
    if (this.dragOff) this.dragOff();
    this.dragOff = this.player.regions.enableDragSelection({ color: 'rgba(180, 70, 31, 0.18)' });
  }

  reset() {
    this.player.regions.clearRegions();
    this.region = null;
    document.getElementById('edit-form')?.remove();
  }

  /** Selects a span from code (the keyboard's way in, and the tests'). */
  select(start, end) {
    this.player.regions.clearRegions();
    this.region = this.player.regions.addRegion({ start, end, color: 'rgba(180, 70, 31, 0.18)', drag: true, resize: true });
    this.form();
  }

  form() {
    const box = document.querySelector('.change');
    let form = document.getElementById('edit-form');
    const { start, end } = this.region;
    const label = `Regenerate ${clock(start)}–${clock(end)}`;
    if (form) {
      form.querySelector('button[type="submit"]').textContent = label;
      return;
    }
    const text = el('textarea', { id: 'edit-lyrics', rows: 3, 'aria-label': 'New lyrics for the selected region', placeholder: 'New lines for the selection (empty: played, not sung)' });
    const go = el('button', { type: 'submit', id: 'edit-go' }, label);
    const note = el('p', { id: 'edit-note', class: 'hint', 'aria-live': 'polite' });
    form = el('form', { id: 'edit-form', class: 'field' }, el('label', { for: 'edit-lyrics' }, 'Selected region'), text, go, note);
    form.addEventListener('submit', guarded(go, () => this.regenerate(text.value, note)));
    box.append(form);
  }

  async regenerate(lyrics, note) {
    const player = this.player;
    const clip = player.base;
    const start = Math.round(this.region.start * 100) / 100;
    const end = Math.round(this.region.end * 100) / 100;
    note.textContent = 'Queued…';
    const clips = await json('/api/replace_section', {
      method: 'POST',
      json: { clip_id: clip.id, infill_start_s: start, infill_end_s: end, prompt: lyrics },
    });
    player.make.follow(clips, true);
    // the first take is the one compared and opened; the second joins the history when it is done
    let made;
    for (;;) {
      [made] = await json(`/api/get?ids=${encodeURIComponent(clips[0].id)}`);
      if (!made) throw new Error('The new version was deleted before it was done.');
      note.textContent = `${made.stage || made.status} (${made.progress || 0} %)`;
      if (made.status === 'error') throw new Error(`The edit failed: ${made.error_message || 'no reason given'}`);
      if (done(made)) break;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const [before, after] = await Promise.all([
      call(`/api/download/${clip.task_id}`).then((r) => r.arrayBuffer()),
      call(`/api/download/${made.task_id}`).then((r) => r.arrayBuffer()),
    ]);
    const same = await compare(before, after);
    const kept = same.first < 0
      ? 'identical everywhere'
      : `sample-identical outside ${clock(same.first / same.rate)}–${clock(same.last / same.rate)} (${(same.first / same.rate).toFixed(2)}–${(same.last / same.rate).toFixed(2)} s)`;
    player.history.notes.set(made.id, kept);
    note.textContent = `New version: ${kept}.`;
    say(`Region ${clock(start)}–${clock(end)} regenerated: the new version is ${kept}.`);
    this.lastComparison = { ...same, start, end };
    await player.show(made.id, { keepPosition: true });
  }
}

/**
 * Where two WAVs differ: the first and last frame at which any channel differs (-1 when none), decoded at their own
 * rate (44.1 kHz) by an OfflineAudioContext, which does not resample, so a 16-bit sample compares exactly.
 */
async function compare(a, b) {
  const decoder = new OfflineAudioContext(2, 1, 44100);
  const [x, y] = await Promise.all([decoder.decodeAudioData(a.slice(0)), decoder.decodeAudioData(b.slice(0))]);
  const frames = Math.max(x.length, y.length);
  let first = -1;
  let last = -1;
  for (let c = 0; c < Math.min(x.numberOfChannels, y.numberOfChannels); c++) {
    const p = x.getChannelData(c);
    const q = y.getChannelData(c);
    for (let i = 0; i < frames; i++) {
      if (p[i] !== q[i]) {
        if (first < 0 || i < first) first = i;
        break;
      }
    }
    for (let i = frames - 1; i >= 0; i--) {
      if (p[i] !== q[i]) {
        if (i > last) last = i;
        break;
      }
    }
  }
  return { first, last, rate: x.sampleRate, frames };
}

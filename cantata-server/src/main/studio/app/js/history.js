// A song's versions as the server keeps them: GET /api/get_versions lists the song's first clip and every clip made
// from its line (variations, extensions, replaced sections), oldest first, each saying where it comes from (Suno's
// root_ancestor_id, edited_clip_id and history). Any browser sees the same history, and it outlives this page.
import { json } from './api.js';
import { clock } from './ui.js';

export class History {
  constructor() {
    this.clips = [];
    this.notes = new Map(); // version id -> what this page measured of it (a region edit's sample comparison)
  }

  /** Reads the versions of the song `clipId` belongs to. */
  async load(clipId) {
    this.clips = await json(`/api/get_versions?id=${encodeURIComponent(clipId)}`);
    return this.clips;
  }

  /** The song's first clip (the root of its line), by id. */
  rootOf(clip) {
    return clip.root_ancestor_id || clip.id;
  }

  list() {
    return this.clips;
  }

  entry(id) {
    return this.clips.find((v) => v.id === id);
  }

  /** The version made before `id`, if any. */
  previous(id) {
    const at = this.clips.findIndex((v) => v.id === id);
    return at > 0 ? this.clips[at - 1] : null;
  }

  /** How a version was made, in a few words: "0:12–0:20 replaced", "extended from 0:30", "variation". */
  describe(clip) {
    const step = clip.history?.[0];
    const parent = step ? this.clips.findIndex((v) => v.id === step.id) + 1 : 0;
    const of = parent > 0 ? ` of ${parent}` : '';
    const made = !step
      ? 'first take'
      : step.type === 'replace'
        ? `${clock(step.infill_start_s)}–${clock(step.infill_end_s)}${of} sung anew`
        : step.type === 'extend'
          ? `extends${of} from ${clock(step.continue_at)}`
          : `variation${of}`;
    const note = this.notes.get(clip.id);
    const state = clip.status === 'error' ? ' (failed)' : clip.duration ? '' : ' (being made)';
    return `${made}${note ? `; ${note}` : ''}${state}`;
  }
}

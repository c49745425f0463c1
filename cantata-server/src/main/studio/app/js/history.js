// A song's versions: the clip it began as, its variations and extensions (Suno clips) and its region edits
// (DiffRhythm edit tasks), kept in this browser in the order they were made, so any two can be compared. The server
// keeps every version; this list only remembers which belong together.
const KEY = 'cantata.history';

export class History {
  constructor() {
    try {
      this.families = JSON.parse(localStorage.getItem(KEY) || '{}');
    } catch {
      this.families = {};
    }
  }

  save() {
    localStorage.setItem(KEY, JSON.stringify(this.families));
  }

  familyOf(id) {
    return Object.keys(this.families).find((f) => this.families[f].some((v) => v.id === id));
  }

  add(family, version) {
    const list = (this.families[family] = this.families[family] || []);
    const known = list.find((v) => v.id === version.id);
    if (known) Object.assign(known, Object.fromEntries(Object.entries(version).filter(([, v]) => v !== undefined)));
    else list.push(version);
    this.save();
  }

  list(family) {
    return this.families[family] || [];
  }

  entry(family, id) {
    return this.list(family).find((v) => v.id === id);
  }

  /** The version made before `id` in its song's history, if any. */
  previous(family, id) {
    const list = this.list(family);
    const at = list.findIndex((v) => v.id === id);
    return at > 0 ? list[at - 1] : null;
  }

  forget(id) {
    for (const f of Object.keys(this.families)) {
      this.families[f] = this.families[f].filter((v) => v.id !== id);
      if (this.families[f].length === 0) delete this.families[f];
    }
    this.save();
  }
}

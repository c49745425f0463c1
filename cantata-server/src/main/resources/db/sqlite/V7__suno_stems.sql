-- Stem clips: each stem of a clip that generate_stems was asked for is a clip of its own (found by id, listed in the
-- feed), as on Suno. Its audio is a file of the clip it comes from, so it goes with that clip; deleting it alone
-- deletes only this row. Its id is derived from the clip's and the stem's, so asking again gives the same clip.
CREATE TABLE suno_stems (
  id         TEXT    PRIMARY KEY,
  clip       TEXT    NOT NULL REFERENCES suno_clips (id) ON DELETE CASCADE,
  stem       TEXT    NOT NULL CHECK (stem IN ('vocals', 'drums', 'bass', 'other')),
  account    TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (clip, stem)
);
CREATE INDEX suno_stems_feed ON suno_stems (account, created_at DESC, id);

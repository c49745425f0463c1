-- The voices sung around the lead (harmonies, pads) became a stem of their own, `backing`: the stem column admits
-- it. SQLite cannot alter a CHECK constraint, so the table is made anew and its rows copied, as SQLite's ALTER TABLE
-- page prescribes (nothing references suno_stems, so dropping the old one breaks no foreign key).
CREATE TABLE suno_stems_new (
  id         TEXT    PRIMARY KEY,
  clip       TEXT    NOT NULL REFERENCES suno_clips (id) ON DELETE CASCADE,
  stem       TEXT    NOT NULL CHECK (stem IN ('vocals', 'backing', 'drums', 'bass', 'other')),
  account    TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (clip, stem)
);
INSERT INTO suno_stems_new (id, clip, stem, account, created_at)
  SELECT id, clip, stem, account, created_at FROM suno_stems;
DROP TABLE suno_stems;
ALTER TABLE suno_stems_new RENAME TO suno_stems;
CREATE INDEX suno_stems_feed ON suno_stems (account, created_at DESC, id);

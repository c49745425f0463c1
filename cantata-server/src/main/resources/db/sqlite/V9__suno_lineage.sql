-- A song's versions: each clip made from another (an extension, a variation, a replaced section) names the clip it was
-- made from and the first clip of its line (Suno's `root_ancestor_id`), so every version of a song is one query away
-- from any of them. `parent` and `root` are plain ids, not foreign keys: a version outlives the clip it was made from
-- (deleted, or past its retention) and still names it. The row goes with its own clip.
CREATE TABLE suno_lineage (
  clip    TEXT PRIMARY KEY REFERENCES suno_clips (id) ON DELETE CASCADE,
  parent  TEXT NOT NULL,
  root    TEXT NOT NULL,
  kind    TEXT NOT NULL CHECK (kind IN ('extend', 'variation', 'replace')),
  start_s REAL,
  end_s   REAL,
  lyrics  TEXT NOT NULL
);
CREATE INDEX suno_lineage_root ON suno_lineage (root);
CREATE INDEX suno_lineage_parent ON suno_lineage (parent);

-- Extensions made before this table: each continues its source clip; its root is the first clip up its chain (or
-- the farthest one named, when that one is gone).
INSERT INTO suno_lineage (clip, parent, root, kind, start_s, end_s, lyrics)
WITH RECURSIVE up (clip, at) AS (
  SELECT id, source_clip FROM suno_clips WHERE type = 'extend' AND source_clip IS NOT NULL
  UNION ALL
  SELECT up.clip, s.source_clip FROM up JOIN suno_clips s ON s.id = up.at
  WHERE s.type = 'extend' AND s.source_clip IS NOT NULL
)
SELECT c.id, c.source_clip,
       (SELECT up.at FROM up WHERE up.clip = c.id AND NOT EXISTS
          (SELECT 1 FROM suno_clips s WHERE s.id = up.at AND s.type = 'extend' AND s.source_clip IS NOT NULL)),
       'extend', c.continue_at, NULL, c.lyrics
FROM suno_clips c WHERE c.type = 'extend' AND c.source_clip IS NOT NULL;

-- Suno clips: what the Suno dialect shows of each song task it queued (one row a clip, the clip's id is its task's),
-- so the feed pages in SQL instead of parsing every task's input. A clip goes with its task (the foreign key is
-- enforced: the pool turns SQLite's foreign_keys on).
CREATE TABLE suno_clips (
  id           TEXT    PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
  account      TEXT    NOT NULL,
  model        TEXT    NOT NULL,
  title        TEXT    NOT NULL,
  tags         TEXT    NOT NULL,
  negative_tags TEXT   NOT NULL,
  description  TEXT    NOT NULL,
  type         TEXT    NOT NULL CHECK (type IN ('gen', 'extend')),
  lyrics       TEXT    NOT NULL,
  source_clip  TEXT,
  continue_at  REAL,
  created_at   INTEGER NOT NULL
);
CREATE INDEX suno_clips_feed ON suno_clips (account, created_at DESC, id);

-- Clips queued before this table existed kept these fields as labels in the task's input.
INSERT INTO suno_clips (id, account, model, title, tags, negative_tags, description, type, lyrics, source_clip,
                        continue_at, created_at)
SELECT id,
       COALESCE(json_extract(input, '$.labels.account'), 'default'),
       COALESCE(json_extract(input, '$.labels.model'), 'chirp-v3-5'),
       COALESCE(json_extract(input, '$.labels.title'), ''),
       COALESCE(json_extract(input, '$.labels.tags'), ''),
       COALESCE(json_extract(input, '$.labels.negative_tags'), ''),
       COALESCE(json_extract(input, '$.labels.description'), ''),
       CASE WHEN json_extract(input, '$.extendsSong') IS NOT NULL THEN 'extend' ELSE 'gen' END,
       COALESCE(json_extract(input, '$.lyrics'), ''),
       substr(json_extract(input, '$.extendsSong'), 7, 36),
       CASE WHEN json_extract(input, '$.extendsSong') IS NOT NULL THEN json_extract(input, '$.continueAt') END,
       created_at
FROM tasks
WHERE kind = 'song' AND json_valid(input) AND json_extract(input, '$.labels.dialect') = 'suno';

-- Suno clips: what the Suno dialect shows of each song task it queued (one row a clip, the clip's id is its task's),
-- so the feed pages in SQL instead of parsing every task's input. A clip goes with its task.
CREATE TABLE suno_clips (
  id            UUID             PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
  account       TEXT             NOT NULL,
  model         TEXT             NOT NULL,
  title         TEXT             NOT NULL,
  tags          TEXT             NOT NULL,
  negative_tags TEXT             NOT NULL,
  description   TEXT             NOT NULL,
  type          TEXT             NOT NULL CHECK (type IN ('gen', 'extend')),
  lyrics        TEXT             NOT NULL,
  source_clip   UUID,
  continue_at   DOUBLE PRECISION,
  created_at    BIGINT           NOT NULL
);
CREATE INDEX suno_clips_feed ON suno_clips (account, created_at DESC, id);

-- Clips queued before this table existed kept these fields as labels in the task's input.
INSERT INTO suno_clips (id, account, model, title, tags, negative_tags, description, type, lyrics, source_clip,
                        continue_at, created_at)
SELECT id,
       COALESCE(input::jsonb -> 'labels' ->> 'account', 'default'),
       COALESCE(input::jsonb -> 'labels' ->> 'model', 'chirp-v3-5'),
       COALESCE(input::jsonb -> 'labels' ->> 'title', ''),
       COALESCE(input::jsonb -> 'labels' ->> 'tags', ''),
       COALESCE(input::jsonb -> 'labels' ->> 'negative_tags', ''),
       COALESCE(input::jsonb -> 'labels' ->> 'description', ''),
       CASE WHEN input::jsonb ->> 'extendsSong' IS NOT NULL THEN 'extend' ELSE 'gen' END,
       COALESCE(input::jsonb ->> 'lyrics', ''),
       CAST(substring(input::jsonb ->> 'extendsSong' FROM 7 FOR 36) AS UUID),
       CASE WHEN input::jsonb ->> 'extendsSong' IS NOT NULL THEN (input::jsonb ->> 'continueAt')::double precision END,
       created_at
FROM tasks
WHERE kind = 'song' AND input::jsonb -> 'labels' ->> 'dialect' = 'suno';

-- Suno clips are a library kept until deleted (or for clip-retention), not scratch tasks. The clip sweep must never
-- delete a clip an extension still to be made reads from, so it looks clips up by the clip they continue.
CREATE INDEX suno_clips_by_source ON suno_clips (source_clip);

-- The voices sung around the lead (harmonies, pads) became a stem of their own, `backing`: the stem column admits it.
ALTER TABLE suno_stems DROP CONSTRAINT suno_stems_stem_check;
ALTER TABLE suno_stems ADD CONSTRAINT suno_stems_stem_check
  CHECK (stem IN ('vocals', 'backing', 'drums', 'bass', 'other'));

-- Speakers added from reference recordings. The profile is what the voice matcher derived; the recording is kept
-- as a blob so a better matcher can derive it again.
CREATE TABLE speakers (
  name           TEXT    PRIMARY KEY,
  pitch          REAL    NOT NULL,
  pitch_range    REAL    NOT NULL,
  tract          REAL    NOT NULL,
  rate           REAL    NOT NULL,
  median_f0      REAL    NOT NULL,
  reference_text TEXT,
  reference_blob TEXT    NOT NULL,
  created_at     INTEGER NOT NULL
);

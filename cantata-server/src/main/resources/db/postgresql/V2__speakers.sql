-- Speakers added from reference recordings. The profile is what the voice matcher derived; the recording is kept
-- as a blob so a better matcher can derive it again.
CREATE TABLE speakers (
  name           TEXT             PRIMARY KEY,
  pitch          DOUBLE PRECISION NOT NULL,
  pitch_range    DOUBLE PRECISION NOT NULL,
  tract          DOUBLE PRECISION NOT NULL,
  rate           DOUBLE PRECISION NOT NULL,
  median_f0      DOUBLE PRECISION NOT NULL,
  reference_text TEXT,
  reference_blob TEXT             NOT NULL,
  created_at     BIGINT           NOT NULL
);

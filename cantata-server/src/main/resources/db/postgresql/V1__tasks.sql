-- Tasks: the durable queue. Times are epoch milliseconds (UTC); input and result are JSON text, kept as written.
CREATE TABLE tasks (
  id          UUID     PRIMARY KEY,
  kind        TEXT     NOT NULL,
  input       TEXT     NOT NULL,
  status      TEXT     NOT NULL CHECK (status IN ('queued', 'processing', 'completed', 'failed', 'cancelled')),
  progress    SMALLINT NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  stage       TEXT,
  error       TEXT,
  result      TEXT,
  blobs       TEXT     NOT NULL DEFAULT '[]',
  attempts    INTEGER  NOT NULL DEFAULT 0,
  created_at  BIGINT   NOT NULL,
  started_at  BIGINT,
  finished_at BIGINT,
  lease_token UUID,
  lease_until BIGINT
);
CREATE INDEX tasks_by_status ON tasks (status, created_at);
CREATE INDEX tasks_by_finish ON tasks (finished_at) WHERE finished_at IS NOT NULL;

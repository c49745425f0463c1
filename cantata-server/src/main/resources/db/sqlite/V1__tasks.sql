-- Tasks: the durable queue. Times are epoch milliseconds (UTC); input and result are JSON text.
CREATE TABLE tasks (
  id          TEXT    PRIMARY KEY,
  kind        TEXT    NOT NULL,
  input       TEXT    NOT NULL,
  status      TEXT    NOT NULL CHECK (status IN ('queued', 'processing', 'completed', 'failed', 'cancelled')),
  progress    INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  stage       TEXT,
  error       TEXT,
  result      TEXT,
  blobs       TEXT    NOT NULL DEFAULT '[]',
  attempts    INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL,
  started_at  INTEGER,
  finished_at INTEGER,
  lease_token TEXT,
  lease_until INTEGER
);
CREATE INDEX tasks_by_status ON tasks (status, created_at);
CREATE INDEX tasks_by_finish ON tasks (finished_at);

-- Who queued a task (a Suno account "key:…" or "ip:ADDRESS"), so a node can bound how many songs one client has
-- waiting or running. Tasks queued before this column existed have none and count only against the node's limit.
ALTER TABLE tasks ADD COLUMN client TEXT;
CREATE INDEX tasks_by_client ON tasks (client, status);

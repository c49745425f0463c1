-- Suno-style credits: what each account (an API key's hash, or "default") has used in each month.
CREATE TABLE credits (
  account TEXT    NOT NULL,
  period  TEXT    NOT NULL,
  used    INTEGER NOT NULL,
  PRIMARY KEY (account, period)
);

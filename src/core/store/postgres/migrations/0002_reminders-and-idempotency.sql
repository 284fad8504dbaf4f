-- Up Migration
-- The reminder ledger. A send's key is `<item>|<due date>|<recipient>|<round>` (a digest's
-- `digest|<recipient>|<week>`), so the primary key is the unique key on item + due date +
-- recipient (+ the round: an overdue review is sent again every few school days, each a new send).
-- A send is claimed by inserting or taking over its row in one statement, so two instances can
-- never both hold one; claimed_by names the instance that claimed it.
CREATE TABLE reminder_send (
  send_key    text        PRIMARY KEY,
  state       text        NOT NULL CHECK (state IN ('recorded', 'sent', 'failed')),
  at          timestamptz NOT NULL,
  attempts    integer     NOT NULL CHECK (attempts >= 0),
  next_try_at timestamptz,
  claimed_by  text
);
-- Snoozes and "done", per person and item due date.
CREATE TABLE reminder_person (
  person_key    text PRIMARY KEY,
  -- The short id a reminder's buttons carry (sha-256 of the person key, 16 hex digits).
  reminder_id   text NOT NULL,
  snoozed_until timestamptz,
  done_at       timestamptz
);
CREATE INDEX reminder_person_id ON reminder_person (reminder_id);
-- Referrals posted to the LA team's channel, and what the team did with them.
CREATE TABLE la_notice (
  referral_id text  PRIMARY KEY,
  body        jsonb NOT NULL
);

-- What was already done (form submits, Teams activity ids, Slack event ids, button presses),
-- hashed and namespaced by the bot; a key counts until expires_at (epoch ms).
CREATE TABLE idempotency_key (
  key        text   PRIMARY KEY,
  expires_at bigint NOT NULL
);
CREATE INDEX idempotency_key_expiry ON idempotency_key (expires_at);

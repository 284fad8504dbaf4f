-- Up Migration
-- Planning the reminder pass in the database (PostgresCaseRepository.unsentDueItems): only the
-- items due by today that still have a reminder to send, found by an anti-join against the sent
-- ledger rather than by reading every send into the bot.
--
-- A send's person key (`<item>|<due date>|<recipient>`, its key without the round): every send of
-- one person's reminder, whatever its round, found by index (PostgresReminderLedger.stateOf reads
-- only the rows of the reminders a pass plans). Worked out by the database from send_key, so
-- existing rows get it too and it can never disagree with the key.
ALTER TABLE reminder_send
  ADD COLUMN person_key text GENERATED ALWAYS AS (left(send_key, length(send_key) - strpos(reverse(send_key), '|'))) STORED;
CREATE INDEX reminder_send_person_key ON reminder_send (person_key);
-- The anti-join reads the sends marked sent since the rounds due now came due (a few days), by
-- time, and hashes them; and the few people with a snooze, whose round may be another.
CREATE INDEX reminder_send_sent_at ON reminder_send (at) INCLUDE (send_key) WHERE state = 'sent';
CREATE INDEX reminder_person_snoozed ON reminder_person (person_key) WHERE snoozed_until IS NOT NULL;
-- The pass reads only the narrow columns of the items due by today: an index-only scan (no heap
-- read of `item`, which is fetched by primary key for the few items left after the anti-join).
CREATE INDEX due_item_due_on_narrow ON due_item (due_on) INCLUDE (school_id, case_id, item_key, remind_until, owner_ids, case_created_at, case_seq, ord);

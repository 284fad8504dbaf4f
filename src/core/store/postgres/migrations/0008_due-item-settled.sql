-- Up Migration
-- Issue 14: a steady reminder pass (every pass after the first of a round) found nothing to send
-- but still built every recipient's send key for every item due by today and hashed them against
-- the sends marked sent in the last few days (~300 ms at 100,000 plans). Each due item now keeps
-- the round it was last seen settled in: every recipient's send for that round marked sent, no one
-- snoozed. A pass skips an item whose settled round is the round due now, for the same due date
-- and the same SENDCos (the owners are in the row, and a save rewrites the row, clearing the mark),
-- and checks the rest against the ledger as before; PostgresCaseRepository.unsentDueItems sets the
-- mark in the same statement. A 'sent' row is never taken back (a claim takes over only 'failed' or
-- 'recorded'), so a settled round stays settled; a snooze is checked on every pass. The ledger's
-- claims, keys and leases are unchanged: the mark only spares re-reading what is known to be sent.
ALTER TABLE due_item ADD COLUMN settled_on date, ADD COLUMN settled_round text, ADD COLUMN settled_sendcos text[];
-- The pass reads the narrow columns of the items due by today and their marks from the index alone.
DROP INDEX due_item_due_on_narrow;
CREATE INDEX due_item_due_on_plan ON due_item (due_on) INCLUDE (school_id, case_id, item_key, remind_until, owner_ids, case_created_at, case_seq, ord, settled_on, settled_round, settled_sendcos);

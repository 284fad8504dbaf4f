-- Up Migration
-- A part-time timetable's review date is a due item too (core/reminders/due-items.ts, 'ptt-review'):
-- a SENDCo tester found it missing from the reminders and "my reviews" (issue 11). The kind's check
-- names it; rows are worked out again under the new basis (due-window.ts, v 2) before the next pass.
ALTER TABLE due_item DROP CONSTRAINT due_item_kind_check;
ALTER TABLE due_item ADD CONSTRAINT due_item_kind_check CHECK (kind IN ('pcp-review', 'psp-review', 'ptt-review', 'ehc-decision', 'ehc-completion', 'day6-provision', 'pep'));

-- Down Migration
DELETE FROM due_item WHERE kind = 'ptt-review';
ALTER TABLE due_item DROP CONSTRAINT due_item_kind_check;
ALTER TABLE due_item ADD CONSTRAINT due_item_kind_check CHECK (kind IN ('pcp-review', 'psp-review', 'ehc-decision', 'ehc-completion', 'day6-provision', 'pep'));

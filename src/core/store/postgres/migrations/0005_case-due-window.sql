-- Up Migration
-- When each case can have anything due (core/reminders/due-window.ts), so the reminder pass finds
-- the few cases due now among many by an index, not by reading every case. due_from 'infinity':
-- nothing can fall due; due_until NULL: reminded for as long as it is overdue. due_basis is the
-- pack's figures the window was worked out from; a row with another basis (or none: rows from
-- before this migration) is worked out again before the pass reads the index.
ALTER TABLE pupil_case ADD COLUMN due_from date, ADD COLUMN due_until date, ADD COLUMN due_basis text;
CREATE INDEX pupil_case_due_from ON pupil_case (due_from);
CREATE INDEX pupil_case_due_basis ON pupil_case (due_basis);

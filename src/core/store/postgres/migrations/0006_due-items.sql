-- Up Migration
-- One row per pending due item of a case (core/reminders/stored-due-items.ts): a PCP or PSP review,
-- the LA's EHC decision and completion dates, day-6 provision, a looked-after pupil's termly PEP.
-- Written in the same transaction as the case (PostgresCaseRepository.save), so it can never
-- disagree with the chronology; the reminder pass plans from it with one indexed query and never
-- reads whole cases. due_on is the London date it is due ('-infinity' for a PEP, whose date follows
-- the term dates); remind_until the last London date it is still reminded (NULL: as long as it is
-- overdue). Recipients are owner_ids (plan owner, overseeing leader) plus the school's SENDCos, who
-- are looked up when planning (a role, not a copy). case_created_at and case_seq keep the case order
-- the pass has always used for items due the same day. The item itself (title, command, escalation)
-- is in `item`: the pupil's reference and initials only, as in the case row.
CREATE TABLE due_item (
  school_id       text        NOT NULL,
  case_id         text        NOT NULL,
  item_key        text        NOT NULL,
  kind            text        NOT NULL CHECK (kind IN ('pcp-review', 'psp-review', 'ehc-decision', 'ehc-completion', 'day6-provision', 'pep')),
  due_on          date        NOT NULL,
  remind_until    date,
  owner_ids       text[]      NOT NULL,
  case_created_at timestamptz NOT NULL,
  case_seq        bigint      NOT NULL,
  ord             integer     NOT NULL,
  item            jsonb       NOT NULL,
  CONSTRAINT due_item_pkey PRIMARY KEY (school_id, case_id, item_key),
  CONSTRAINT due_item_case_fkey FOREIGN KEY (school_id, case_id) REFERENCES pupil_case (school_id, case_id) ON DELETE CASCADE
);
CREATE INDEX due_item_due_on ON due_item (due_on);
CREATE INDEX due_item_school_due_on ON due_item (school_id, due_on);
-- What the case's due items were worked out from (pack figures and school calendar). NULL (every
-- row from before this migration) or another basis: worked out again before the next pass reads
-- due_item (the derivation needs the pack and calendar, so it runs in the bot, not in SQL).
ALTER TABLE pupil_case ADD COLUMN due_items_basis text;
CREATE INDEX pupil_case_due_items_basis ON pupil_case (due_items_basis);

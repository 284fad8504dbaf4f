-- Up Migration
-- Issue 14: a steady reminder pass (every pass after the first of a round) found nothing to send
-- but still built every recipient's send key for every item due by today and hashed them against
-- the sends marked sent in the last few days (~300 ms at 100,000 plans). This table records, per
-- item, the last round found settled: the send for (item, due date, round) marked sent to each of
-- `recipients` (owners then SENDCos, in the order the pass lists them). A 'sent' row is never taken
-- back (a claim takes over only 'failed' or 'recorded'), so a row here stays true; a pass skips an
-- item whose row matches the round due now, its due date and its recipients exactly, checks the
-- rest against the ledger as before, and adds what it found settled
-- (PostgresCaseRepository.unsentDueItems). Snoozes are checked on every pass. Claims, send keys and
-- the scheduler lease are unchanged. Keyed by item_key alone, as send keys are; a row whose item
-- has gone is never matched again and costs only its space. Narrow, with no index but its key,
-- so recording a round is cheap.
CREATE TABLE due_item_settled (
  item_key   text   NOT NULL,
  due_on     date   NOT NULL,
  round      text   NOT NULL,
  recipients text[] NOT NULL,
  CONSTRAINT due_item_settled_pkey PRIMARY KEY (item_key)
);

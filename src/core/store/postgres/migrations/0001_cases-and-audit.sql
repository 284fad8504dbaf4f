-- Up Migration
-- Pupil cases, one row each. The case (chronology, plans, reviews, referrals, exclusions) is the
-- validated PupilCase document in `body`; the columns beside it are what queries and constraints
-- need. pupil_ref_key is the reference lower-cased by the bot (JavaScript's toLowerCase), so
-- uniqueness ignores letter case exactly as the other stores do.
CREATE TABLE pupil_case (
  school_id     text        NOT NULL,
  case_id       text        NOT NULL,
  pupil_ref_key text        NOT NULL,
  revision      integer     NOT NULL CHECK (revision >= 0),
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  -- Insertion order, so cases created at the same instant keep the order they were stored in.
  seq           bigserial   NOT NULL,
  body          jsonb       NOT NULL,
  CONSTRAINT pupil_case_pkey PRIMARY KEY (school_id, case_id),
  CONSTRAINT pupil_case_ref_unique UNIQUE (school_id, pupil_ref_key)
);
CREATE INDEX pupil_case_school_created ON pupil_case (school_id, created_at, seq);

-- The audit log: append-only, ids and short action names only (never pupil details).
CREATE TABLE audit_event (
  seq        bigserial   PRIMARY KEY,
  at         timestamptz NOT NULL,
  -- The instant as recorded (with its offset), which the bot hands back unchanged.
  at_text    text        NOT NULL,
  actor_id   text        NOT NULL,
  action     text        NOT NULL,
  school_id  text,
  case_id    text,
  subject_id text,
  outcome    text        NOT NULL CHECK (outcome IN ('allowed', 'denied', 'done'))
);
CREATE INDEX audit_event_case ON audit_event (case_id, at) WHERE case_id IS NOT NULL;
CREATE INDEX audit_event_actor ON audit_event (actor_id, at);
-- Append-only in the database too: the bot's role may add lines but not change or remove them.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END $$;
CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

-- Up Migration
-- Each school's Inclusion Self-Reflection (seed 000 Appendix 2): ratings, the school's notes and
-- staff ids, nothing about a pupil. One row per school; the revision guards concurrent saves.
CREATE TABLE self_reflection (
  school_id text    PRIMARY KEY,
  revision  integer NOT NULL CHECK (revision >= 0),
  body      jsonb   NOT NULL
);

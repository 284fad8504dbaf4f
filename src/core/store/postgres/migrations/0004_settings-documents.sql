-- Up Migration
-- The small settings-like documents every instance must share: staff grants ('staff'), Teams
-- conversation references ('teamsConversations'), the LA channel link ('laChannel') and terminal
-- drafts ('drafts'), named as their data-folder files are. Each is read whole into memory and
-- changed under a row lock; the revision tells an instance whether the copy it holds is current.
CREATE TABLE settings_document (
  name     text    PRIMARY KEY,
  revision bigint  NOT NULL CHECK (revision >= 0),
  body     jsonb   NOT NULL
);

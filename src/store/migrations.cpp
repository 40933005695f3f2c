#include "store/migrations.h"

#include <string>
#include <vector>

#include "core/try.h"
#include "store/workspace.h"

namespace parley::store {
namespace {

// Version 1: sides, lists, versioned person records and frozen list versions.
// Person records are never edited in place (triggers refuse UPDATE and DELETE); a list
// version, once submitted, is frozen (triggers refuse changes to it and to its members).
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE sides (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  created_at TEXT NOT NULL
);
CREATE TABLE lists (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  kind       TEXT NOT NULL CHECK (kind IN ('custody','request','offer','mediator','remains')),
  side_id    INTEGER NOT NULL REFERENCES sides(id),
  created_at TEXT NOT NULL
);
CREATE TABLE list_versions (
  id              INTEGER PRIMARY KEY,
  list_id         INTEGER NOT NULL REFERENCES lists(id),
  version         INTEGER NOT NULL CHECK (version >= 1),
  state           TEXT NOT NULL CHECK (state IN ('draft','submitted')),
  content_sha256  TEXT NOT NULL,
  record_count    INTEGER NOT NULL,
  source_file     TEXT NOT NULL,
  source_format   TEXT NOT NULL,
  source_encoding TEXT NOT NULL,
  name_order      TEXT NOT NULL,
  imported_by     TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  UNIQUE (list_id, version)
);
-- The identity of one row of a list across its versions: the list's own id column.
CREATE TABLE person_records (
  id         INTEGER PRIMARY KEY,
  list_id    INTEGER NOT NULL REFERENCES lists(id),
  record_key TEXT NOT NULL,
  UNIQUE (list_id, record_key)
);
CREATE TABLE record_versions (
  id             INTEGER PRIMARY KEY,
  record_id      INTEGER NOT NULL REFERENCES person_records(id),
  version        INTEGER NOT NULL CHECK (version >= 1),
  content_sha256 TEXT NOT NULL,
  surname        TEXT NOT NULL,
  given_name     TEXT NOT NULL,
  patronymic     TEXT NOT NULL,
  full_name      TEXT NOT NULL,
  birth_date     TEXT NOT NULL,
  birth_place    TEXT NOT NULL,
  service_number TEXT NOT NULL,
  rank           TEXT NOT NULL,
  unit           TEXT NOT NULL,
  sex            TEXT NOT NULL,
  category       TEXT NOT NULL,
  notes          TEXT NOT NULL,
  extra_json     TEXT NOT NULL,
  source_row     INTEGER NOT NULL,
  created_in     INTEGER NOT NULL REFERENCES list_versions(id),
  UNIQUE (record_id, version)
);
CREATE TABLE list_members (
  list_version_id   INTEGER NOT NULL REFERENCES list_versions(id),
  position          INTEGER NOT NULL,
  record_version_id INTEGER NOT NULL REFERENCES record_versions(id),
  PRIMARY KEY (list_version_id, position)
) WITHOUT ROWID;
CREATE INDEX record_versions_by_record ON record_versions(record_id);
CREATE INDEX list_members_by_record_version ON list_members(record_version_id);

CREATE TRIGGER record_versions_are_immutable BEFORE UPDATE ON record_versions
BEGIN SELECT RAISE(ABORT, 'person records are never edited in place; import a new version'); END;
CREATE TRIGGER record_versions_are_kept BEFORE DELETE ON record_versions
BEGIN SELECT RAISE(ABORT, 'person records are never deleted'); END;
CREATE TRIGGER submitted_versions_are_frozen BEFORE UPDATE ON list_versions
WHEN OLD.state = 'submitted'
BEGIN SELECT RAISE(ABORT, 'list version is submitted and frozen'); END;
CREATE TRIGGER submitted_versions_are_kept BEFORE DELETE ON list_versions
WHEN OLD.state = 'submitted'
BEGIN SELECT RAISE(ABORT, 'list version is submitted and frozen'); END;
CREATE TRIGGER frozen_members_insert BEFORE INSERT ON list_members
WHEN (SELECT state FROM list_versions WHERE id = NEW.list_version_id) = 'submitted'
BEGIN SELECT RAISE(ABORT, 'list version is submitted and frozen'); END;
CREATE TRIGGER frozen_members_update BEFORE UPDATE ON list_members
WHEN (SELECT state FROM list_versions WHERE id = OLD.list_version_id) = 'submitted'
BEGIN SELECT RAISE(ABORT, 'list version is submitted and frozen'); END;
CREATE TRIGGER frozen_members_delete BEFORE DELETE ON list_members
WHEN (SELECT state FROM list_versions WHERE id = OLD.list_version_id) = 'submitted'
BEGIN SELECT RAISE(ABORT, 'list version is submitted and frozen'); END;
)sql";

// Version 2: reconciliation (issue 3). A link is a candidate pair of person records from two
// lists with the model's probability and per-field explanation at the last run; its state is
// what parley or an analyst made of it. Decisions are an append-only trail (who, when, what):
// a link's state follows its latest decision, and a later run never overrides a decision.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE links (
  id                   INTEGER PRIMARY KEY,
  left_list_id         INTEGER NOT NULL REFERENCES lists(id),
  right_list_id        INTEGER NOT NULL REFERENCES lists(id),
  left_record_id       INTEGER NOT NULL REFERENCES person_records(id),
  right_record_id      INTEGER NOT NULL REFERENCES person_records(id),
  left_record_version  INTEGER NOT NULL,
  right_record_version INTEGER NOT NULL,
  probability          REAL NOT NULL CHECK (probability >= 0 AND probability <= 1),
  match_weight         REAL NOT NULL,
  explanation          TEXT NOT NULL,
  state                TEXT NOT NULL
                       CHECK (state IN ('auto_accepted','needs_review','confirmed','rejected')),
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  UNIQUE (left_record_id, right_record_id)
);
CREATE INDEX links_by_lists ON links(left_list_id, right_list_id, state);
CREATE TABLE link_decisions (
  id         INTEGER PRIMARY KEY,
  link_id    INTEGER NOT NULL REFERENCES links(id),
  decision   TEXT NOT NULL CHECK (decision IN ('accept','reject')),
  actor      TEXT NOT NULL CHECK (length(actor) > 0),
  decided_at TEXT NOT NULL
);
CREATE INDEX link_decisions_by_link ON link_decisions(link_id);
CREATE TRIGGER link_decisions_no_update BEFORE UPDATE ON link_decisions
BEGIN SELECT RAISE(ABORT, 'link decisions are append-only'); END;
CREATE TRIGGER link_decisions_no_delete BEFORE DELETE ON link_decisions
BEGIN SELECT RAISE(ABORT, 'link decisions are append-only'); END;
-- Each reconciliation run: the list versions it saw and the model it used, so that the next
-- run can score only what changed since, with the same model.
CREATE TABLE reconcile_runs (
  id            INTEGER PRIMARY KEY,
  left_list_id  INTEGER NOT NULL REFERENCES lists(id),
  right_list_id INTEGER NOT NULL REFERENCES lists(id),
  left_version  INTEGER NOT NULL,
  right_version INTEGER NOT NULL,
  incremental   INTEGER NOT NULL CHECK (incremental IN (0, 1)),
  model         TEXT NOT NULL,
  actor         TEXT NOT NULL,
  created_at    TEXT NOT NULL
);
)sql";

// Version 3: the server's tables (issue 6): users and API tokens, list shares, interviews, handover
// events and the access log. One self-contained migration so that an integrator can order it
// among the other modules' migrations. Mutable rows carry `version` for optimistic
// concurrency; interviews and handover events are append-only (a correction is a new row),
// so a stale writer gets a conflict and nothing written before is ever lost.
constexpr const char* kSchemaServer = R"sql(
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  password_hash TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('admin','clerk','analyst','negotiator','signer',
                                              'observer','interviewer','checkpoint')),
  side          TEXT NOT NULL CHECK (length(side) > 0),
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  version       INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE TABLE api_tokens (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  token_sha256 TEXT NOT NULL UNIQUE,
  created_at   TEXT NOT NULL,
  revoked      INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
);
CREATE TABLE list_shares (
  id         INTEGER PRIMARY KEY,
  list_id    INTEGER NOT NULL REFERENCES lists(id),
  side       TEXT NOT NULL CHECK (length(side) > 0),
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (list_id, side)
);
CREATE TABLE interviews (
  record_id      INTEGER NOT NULL REFERENCES person_records(id),
  version        INTEGER NOT NULL CHECK (version >= 1),
  outcome        TEXT NOT NULL CHECK (outcome IN ('consents','refuses','unfit','deceased',
                                                  'not_presented')),
  interviewer    TEXT NOT NULL,
  interviewed_at TEXT NOT NULL,
  notes          TEXT NOT NULL,
  recorded_at    TEXT NOT NULL,
  PRIMARY KEY (record_id, version)
) WITHOUT ROWID;
CREATE TABLE handover_events (
  record_id   INTEGER NOT NULL REFERENCES person_records(id),
  seq         INTEGER NOT NULL CHECK (seq >= 1),
  event       TEXT NOT NULL CHECK (event IN ('handed_over','received')),
  phase       INTEGER NOT NULL CHECK (phase >= 1),
  place       TEXT NOT NULL,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (record_id, seq)
) WITHOUT ROWID;
CREATE TABLE access_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  user_name TEXT NOT NULL,
  record_id INTEGER NOT NULL,
  action    TEXT NOT NULL
);
CREATE INDEX access_log_by_record ON access_log(record_id);
CREATE TRIGGER interviews_are_append_only BEFORE UPDATE ON interviews
BEGIN SELECT RAISE(ABORT, 'interviews are never edited in place; record a new version'); END;
CREATE TRIGGER handover_events_are_append_only BEFORE UPDATE ON handover_events
BEGIN SELECT RAISE(ABORT, 'handover events are never edited in place'); END;
CREATE TRIGGER access_log_is_append_only BEFORE UPDATE ON access_log
BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
)sql";

// Version 4: the signed record (issue 5, store/ledger_storage.h, store/event_log.h).
// Self-contained: it only references list_versions, so it can be ordered after other branches'
// migrations.
//   ledger_node         this workspace's identity: its log's origin and node key (one row)
//   ledger_entries      every log this node holds: its own (origin = ledger_node.origin) and a
//                       replica per other origin imported from bundles; leaf = the exact
//                       bytes hashed into the tree, leaf_hash kept so opening needs no rehash
//   ledger_checkpoints  the latest signed checkpoint note of each origin
//   ledger_list_events  which entry of the node's log records each submitted list version
//                       (`parley check` uses it: every version has its event)
constexpr const char* kSchemaLedger = R"sql(
CREATE TABLE ledger_node (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  origin TEXT NOT NULL,
  key_name TEXT NOT NULL,
  verifier_key TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE ledger_entries (
  origin TEXT NOT NULL,
  seq INTEGER NOT NULL CHECK (seq >= 0),
  leaf BLOB NOT NULL,
  leaf_hash BLOB NOT NULL CHECK (length(leaf_hash) = 32),
  PRIMARY KEY (origin, seq)
) WITHOUT ROWID;
CREATE TABLE ledger_checkpoints (
  origin TEXT PRIMARY KEY,
  note TEXT NOT NULL
);
CREATE TABLE ledger_list_events (
  list_version_id INTEGER PRIMARY KEY REFERENCES list_versions(id),
  seq INTEGER NOT NULL
);
CREATE TRIGGER ledger_node_is_fixed BEFORE UPDATE ON ledger_node
BEGIN SELECT RAISE(ABORT, 'the node identity of a workspace never changes'); END;
CREATE TRIGGER ledger_node_is_kept BEFORE DELETE ON ledger_node
BEGIN SELECT RAISE(ABORT, 'the node identity of a workspace never changes'); END;
CREATE TRIGGER ledger_entries_are_immutable BEFORE UPDATE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
CREATE TRIGGER ledger_entries_are_kept BEFORE DELETE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
CREATE TRIGGER ledger_list_events_are_kept BEFORE DELETE ON ledger_list_events
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
CREATE TRIGGER ledger_list_events_are_immutable BEFORE UPDATE ON ledger_list_events
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
)sql";

// Version 5: agreements and plans in the workspace (issues 4 and 5; src/negotiation).
// Self-contained: it references only person_records and its own tables.
//   agreements            versioned documents: a changed text under the same name is version
//                         N+1; the TOML text and its sha256 are never edited
//   agreement_signatures  one per party side (a / b) and agreement version; the state
//                         (draft / signed / in_force) is derived from them (agreement_states)
//   plans                 proposals, counters and repairs: the plan JSON with people referred
//                         to by record id and version; content immutable, only `state` moves
//                         (proposed -> accepted -> signed, or superseded), guarded by
//                         `version` so that a stale update is a conflict
//   plan_approvals        one accept and one sign per party side and plan; append-only
//   plan_people           which record versions a plan refers to (for `parley log` and checks)
constexpr const char* kSchemaNegotiation = R"sql(
CREATE TABLE agreements (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL CHECK (length(name) > 0),
  version        INTEGER NOT NULL CHECK (version >= 1),
  title          TEXT NOT NULL,
  party_a        TEXT NOT NULL,
  party_b        TEXT NOT NULL,
  source         TEXT NOT NULL,
  content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),
  added_by       TEXT NOT NULL CHECK (length(added_by) > 0),
  created_at     TEXT NOT NULL,
  UNIQUE (name, version)
);
CREATE TABLE agreement_signatures (
  agreement_id   INTEGER NOT NULL REFERENCES agreements(id),
  party          TEXT NOT NULL CHECK (party IN ('a','b')),
  signer         TEXT NOT NULL CHECK (length(signer) > 0),
  content_sha256 TEXT NOT NULL,
  ledger_seq     INTEGER NOT NULL,
  signed_at      TEXT NOT NULL,
  PRIMARY KEY (agreement_id, party)
) WITHOUT ROWID;
CREATE VIEW agreement_states AS
  SELECT a.id AS agreement_id,
         CASE (SELECT count(*) FROM agreement_signatures s WHERE s.agreement_id = a.id)
           WHEN 0 THEN 'draft' WHEN 1 THEN 'signed' ELSE 'in_force' END AS state
  FROM agreements a;
CREATE TABLE plans (
  id             INTEGER PRIMARY KEY,
  agreement_id   INTEGER NOT NULL REFERENCES agreements(id),
  kind           TEXT NOT NULL CHECK (kind IN ('proposal','counter','repair')),
  parent_id      INTEGER REFERENCES plans(id),
  side_a         TEXT NOT NULL CHECK (length(side_a) > 0),
  side_b         TEXT NOT NULL CHECK (length(side_b) > 0),
  state          TEXT NOT NULL CHECK (state IN ('proposed','accepted','signed','superseded')),
  document       TEXT NOT NULL,
  content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),
  objective      INTEGER NOT NULL,
  a_count        INTEGER NOT NULL,
  b_count        INTEGER NOT NULL,
  created_by     TEXT NOT NULL CHECK (length(created_by) > 0),
  created_at     TEXT NOT NULL,
  version        INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_at     TEXT NOT NULL,
  CHECK ((kind = 'proposal') = (parent_id IS NULL))
);
CREATE INDEX plans_by_agreement ON plans(agreement_id, content_sha256);
CREATE TABLE plan_approvals (
  plan_id        INTEGER NOT NULL REFERENCES plans(id),
  action         TEXT NOT NULL CHECK (action IN ('accept','sign')),
  party          TEXT NOT NULL CHECK (party IN ('a','b')),
  actor          TEXT NOT NULL CHECK (length(actor) > 0),
  content_sha256 TEXT NOT NULL,
  ledger_seq     INTEGER NOT NULL,
  at             TEXT NOT NULL,
  PRIMARY KEY (plan_id, action, party)
) WITHOUT ROWID;
CREATE TABLE plan_people (
  plan_id        INTEGER NOT NULL REFERENCES plans(id),
  record_id      INTEGER NOT NULL REFERENCES person_records(id),
  record_version INTEGER NOT NULL,
  phase          INTEGER NOT NULL CHECK (phase >= 0),
  PRIMARY KEY (plan_id, record_id)
) WITHOUT ROWID;
CREATE INDEX plan_people_by_record ON plan_people(record_id);
CREATE TRIGGER agreements_are_immutable BEFORE UPDATE ON agreements
BEGIN SELECT RAISE(ABORT, 'agreements are never edited in place; add a new version'); END;
CREATE TRIGGER agreements_are_kept BEFORE DELETE ON agreements
BEGIN SELECT RAISE(ABORT, 'agreements are never deleted'); END;
CREATE TRIGGER agreement_signatures_are_immutable BEFORE UPDATE ON agreement_signatures
BEGIN SELECT RAISE(ABORT, 'signatures are never edited'); END;
CREATE TRIGGER agreement_signatures_are_kept BEFORE DELETE ON agreement_signatures
BEGIN SELECT RAISE(ABORT, 'signatures are never deleted'); END;
CREATE TRIGGER plan_content_is_immutable BEFORE UPDATE ON plans
WHEN NEW.document IS NOT OLD.document OR NEW.content_sha256 IS NOT OLD.content_sha256
  OR NEW.agreement_id IS NOT OLD.agreement_id OR NEW.kind IS NOT OLD.kind
  OR NEW.parent_id IS NOT OLD.parent_id OR NEW.side_a IS NOT OLD.side_a
  OR NEW.side_b IS NOT OLD.side_b OR NEW.created_by IS NOT OLD.created_by
  OR NEW.created_at IS NOT OLD.created_at OR NEW.version <> OLD.version + 1
BEGIN SELECT RAISE(ABORT, 'a plan is never edited in place; propose a counter or a repair'); END;
CREATE TRIGGER plan_state_moves_forward BEFORE UPDATE OF state ON plans
WHEN OLD.state IN ('signed','superseded') AND NEW.state IS NOT OLD.state
  AND NOT (OLD.state = 'signed' AND NEW.state = 'superseded')
BEGIN SELECT RAISE(ABORT, 'a signed or superseded plan cannot change state'); END;
CREATE TRIGGER plans_are_kept BEFORE DELETE ON plans
BEGIN SELECT RAISE(ABORT, 'plans are never deleted'); END;
CREATE TRIGGER plan_approvals_are_immutable BEFORE UPDATE ON plan_approvals
BEGIN SELECT RAISE(ABORT, 'approvals are never edited'); END;
CREATE TRIGGER plan_approvals_are_kept BEFORE DELETE ON plan_approvals
BEGIN SELECT RAISE(ABORT, 'approvals are never deleted'); END;
CREATE TRIGGER plan_people_are_immutable BEFORE UPDATE ON plan_people
BEGIN SELECT RAISE(ABORT, 'a plan is never edited in place'); END;
CREATE TRIGGER plan_people_are_kept BEFORE DELETE ON plan_people
BEGIN SELECT RAISE(ABORT, 'plans are never deleted'); END;
)sql";

// Version 6: browser sessions of `parley serve`, kept across restarts
// (server/auth/session_store.h): the SHA-256 of the session id (never the id), the user, the CSRF
// token, and times in Unix seconds (compared on every request, so integers rather than text).
constexpr const char* kSchemaSessions = R"sql(
CREATE TABLE sessions (
  id_sha256    TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  csrf_token   TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  last_used_at INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_by_user ON sessions(user_id);
)sql";

// Version 7: records other parties disclosed in bundles (store/record_sharing.h, issue 5's
// sharing policy). Self-contained: references nothing, so it can be ordered after other
// branches' migrations.
//   received_records  one row per record a verified disclosure section showed: the fields
//                     shown (JSON object field -> value) and the fields withheld (JSON array
//                     of names, carried as commitments only), keyed by the sender's log origin,
//                     the list event's seq and the record's position in that list version
constexpr const char* kSchemaSharing = R"sql(
CREATE TABLE received_records (
  origin TEXT NOT NULL,
  seq INTEGER NOT NULL,
  list TEXT NOT NULL,
  list_version INTEGER NOT NULL,
  position INTEGER NOT NULL,
  record_key TEXT NOT NULL,
  record_version INTEGER NOT NULL,
  shown_json TEXT NOT NULL,
  withheld_json TEXT NOT NULL,
  recipient TEXT NOT NULL,
  role TEXT NOT NULL,
  PRIMARY KEY (origin, seq, position)
) WITHOUT ROWID;
CREATE INDEX received_records_by_list ON received_records(list, list_version);
CREATE TRIGGER received_records_are_immutable BEFORE UPDATE ON received_records
BEGIN SELECT RAISE(ABORT, 'received records are kept as they were disclosed'); END;
)sql";

// Version 8: the review queue's read path (issue 6; server/caches/review_page_cache.h).
//   links_in_queue_order  the queue's order (probability, then id) with the columns its filters
//                         read, so a page of the queue is read from the index alone
//   access_log.reads      reads with the same second, user, record and action share one row
//                         (such rows were identical but for their id), so a review page is not
//                         a hundred inserts per request
//   links_explanation_is_json  an explanation must be valid JSON, so that pages embed the stored
//                         text as it is instead of parsing and printing it again
//   review_generation     one counter that every write able to change a review-queue page bumps
//                         (links, decisions, lists, list versions, shares); a cached page is
//                         served only while the counter is unchanged. Record versions need no
//                         trigger: they only ever change with a list version, in its transaction.
//                         Cost per link row written: 0.5 us of CPU for the counter's trigger and
//                         1.3 us for the explanation check (0.16 s and 0.38 s for 300k links,
//                         measured with sqlite3 in a loop of inserts).
constexpr const char* kSchemaReviewQueue = R"sql(
CREATE INDEX links_in_queue_order
  ON links(probability DESC, id, left_list_id, right_list_id, state);
ALTER TABLE access_log ADD COLUMN reads INTEGER NOT NULL DEFAULT 1 CHECK (reads >= 1);
CREATE TABLE review_generation (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  generation INTEGER NOT NULL
);
INSERT INTO review_generation(id, generation) VALUES (1, 0);
CREATE TRIGGER review_after_link_insert AFTER INSERT ON links
BEGIN UPDATE review_generation SET generation = generation + 1; END;
CREATE TRIGGER review_after_link_update AFTER UPDATE ON links
BEGIN UPDATE review_generation SET generation = generation + 1; END;
CREATE TRIGGER review_after_link_delete AFTER DELETE ON links
BEGIN UPDATE review_generation SET generation = generation + 1; END;
CREATE TRIGGER review_after_decision AFTER INSERT ON link_decisions
BEGIN UPDATE review_generation SET generation = generation + 1; END;
CREATE TRIGGER review_after_list_insert AFTER INSERT ON lists
BEGIN UPDATE review_generation SET generation = generation + 1; END;
CREATE TRIGGER review_after_list_update AFTER UPDATE ON lists
BEGIN UPDATE review_generation SET generation = generation + 1; END;
CREATE TRIGGER review_after_list_version_insert AFTER INSERT ON list_versions
BEGIN UPDATE review_generation SET generation = generation + 1; END;
CREATE TRIGGER review_after_list_version_update AFTER UPDATE ON list_versions
BEGIN UPDATE review_generation SET generation = generation + 1; END;
CREATE TRIGGER review_after_share_insert AFTER INSERT ON list_shares
BEGIN UPDATE review_generation SET generation = generation + 1; END;
CREATE TRIGGER review_after_share_update AFTER UPDATE ON list_shares
BEGIN UPDATE review_generation SET generation = generation + 1; END;
CREATE TRIGGER review_after_share_delete AFTER DELETE ON list_shares
BEGIN UPDATE review_generation SET generation = generation + 1; END;
CREATE TRIGGER links_explanation_is_json_on_insert BEFORE INSERT ON links
WHEN NOT json_valid(NEW.explanation)
BEGIN SELECT RAISE(ABORT, 'a link explanation must be valid JSON'); END;
CREATE TRIGGER links_explanation_is_json_on_update BEFORE UPDATE OF explanation ON links
WHEN NOT json_valid(NEW.explanation)
BEGIN SELECT RAISE(ABORT, 'a link explanation must be valid JSON'); END;
ANALYZE links;
)sql";

// Version 9: what the browser UI's review needs (issue 13).
//   users.language         the interface language the user chose (server/auth/user_store.h
//                          accepts uk, ru, en, tr); NULL until they choose
//   link_decisions         rebuilt, since SQLite cannot change a CHECK: besides accept and
//                          reject, `unsure` (looked, could not decide), `undo` (reverts the
//                          latest decision; `undoes` names it) and `note` (a note alone); each
//                          row may carry a note (1-2,000 characters) and says the link's state
//                          before and after it, so that an undo restores exactly what was.
//                          Decisions recorded before version 9 were accept or reject: their
//                          state_after follows from the decision, their state_before from the
//                          decision before them, and for a link's first decision, which was not
//                          kept, is taken as needs_review (undoing it puts the link back in the
//                          queue). The table's index and triggers are recreated as they were.
//   links_by_right_record  the other links of a link's right record into the same left list, in
//                          one probe (a page's `conflicts`; the left side has the unique index)
constexpr const char* kSchemaReviewDecisions = R"sql(
ALTER TABLE users ADD COLUMN language TEXT
  CHECK (language IS NULL OR length(language) BETWEEN 2 AND 8);
CREATE TABLE link_decisions_v9 (
  id           INTEGER PRIMARY KEY,
  link_id      INTEGER NOT NULL REFERENCES links(id),
  decision     TEXT NOT NULL CHECK (decision IN ('accept','reject','unsure','undo','note')),
  actor        TEXT NOT NULL CHECK (length(actor) > 0),
  decided_at   TEXT NOT NULL,
  note         TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 2000),
  state_before TEXT NOT NULL
               CHECK (state_before IN ('auto_accepted','needs_review','confirmed','rejected')),
  state_after  TEXT NOT NULL
               CHECK (state_after IN ('auto_accepted','needs_review','confirmed','rejected')),
  undoes       INTEGER REFERENCES link_decisions_v9(id),
  CHECK ((decision = 'undo') = (undoes IS NOT NULL)),
  CHECK (decision <> 'note' OR note IS NOT NULL)
);
INSERT INTO link_decisions_v9(id, link_id, decision, actor, decided_at, note, state_before,
                              state_after, undoes)
  SELECT id, link_id, decision, actor, decided_at, NULL,
         coalesce(lag(state_after) OVER (PARTITION BY link_id ORDER BY id), 'needs_review'),
         state_after, NULL
  FROM (SELECT *, CASE decision WHEN 'accept' THEN 'confirmed' ELSE 'rejected' END AS state_after
        FROM link_decisions);
DROP TABLE link_decisions;
ALTER TABLE link_decisions_v9 RENAME TO link_decisions;
CREATE INDEX link_decisions_by_link ON link_decisions(link_id);
CREATE TRIGGER link_decisions_no_update BEFORE UPDATE ON link_decisions
BEGIN SELECT RAISE(ABORT, 'link decisions are append-only'); END;
CREATE TRIGGER link_decisions_no_delete BEFORE DELETE ON link_decisions
BEGIN SELECT RAISE(ABORT, 'link decisions are append-only'); END;
CREATE TRIGGER review_after_decision AFTER INSERT ON link_decisions
BEGIN UPDATE review_generation SET generation = generation + 1; END;
CREATE INDEX links_by_right_record ON links(right_record_id, left_list_id, state);
)sql";

// Version 10: the node's access log read by user (GET /api/v1/access-log?user=, the admin
// pages). The index holds each row's id after the name, so a user's rows come newest first
// without sorting or walking the rest of the log.
constexpr const char* kSchemaAccessLogByUser = R"sql(
CREATE INDEX access_log_by_user ON access_log(user_name);
)sql";

// Version 11: received list versions (issue 15 item 4). A verified disclosure becomes a
// read-only version of a list on the receiving node (store/received_lists.h); this row is its
// provenance, and `seq` the receiving node's own list.version_received event that vouches for it.
//   received_list_versions  one row per list version made from a disclosure: the sender's log
//                           origin and node, the sender's list, version and event seq, the
//                           SHA-256 of the bundle file, the sender's checkpoint the bundle carried
//                           (tree size and root, hex), the fields withheld (JSON array)
//   received_lists_are_read_only  a list that holds a received version takes no other version
//                           (a local import into it is refused by the store first, with a message)
constexpr const char* kSchemaReceivedLists = R"sql(
CREATE TABLE received_list_versions (
  list_version_id  INTEGER PRIMARY KEY REFERENCES list_versions(id),
  seq              INTEGER NOT NULL UNIQUE,
  origin           TEXT NOT NULL,
  sender_node      TEXT NOT NULL,
  sender_list      TEXT NOT NULL,
  sender_version   INTEGER NOT NULL,
  sender_seq       INTEGER NOT NULL,
  bundle_sha256    TEXT NOT NULL,
  checkpoint_size  INTEGER NOT NULL,
  checkpoint_root  TEXT NOT NULL,
  withheld_json    TEXT NOT NULL,
  received_at      TEXT NOT NULL,
  UNIQUE (origin, sender_seq)
);
CREATE TRIGGER received_list_versions_are_immutable BEFORE UPDATE ON received_list_versions
BEGIN SELECT RAISE(ABORT, 'received list versions are kept as they were disclosed'); END;
CREATE TRIGGER received_list_versions_are_kept BEFORE DELETE ON received_list_versions
BEGIN SELECT RAISE(ABORT, 'received list versions are kept as they were disclosed'); END;
)sql";

// Version 12: cosignatures of checkpoints (store/checkpoint_cosignatures.h), both those this
// node made of other logs' checkpoints (cosigner = the node key) and those the other nodes
// made of this node's (origin = the node's own log). One row per (log, size, cosigner).
constexpr const char* kSchemaCheckpointCosignatures = R"sql(
CREATE TABLE ledger_cosignatures (
  origin TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size >= 0),
  root TEXT NOT NULL,
  cosigner TEXT NOT NULL,
  note TEXT NOT NULL,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  PRIMARY KEY (origin, size, cosigner)
) WITHOUT ROWID;
CREATE INDEX ledger_cosignatures_by_cosigner ON ledger_cosignatures(cosigner);
CREATE TRIGGER ledger_cosignatures_no_update BEFORE UPDATE ON ledger_cosignatures
BEGIN SELECT RAISE(ABORT, 'ledger cosignatures are append-only'); END;
)sql";

const std::vector<const char*>& Migrations() {
  static const std::vector<const char*> kMigrations = {kSchemaV1,
                                                       kSchemaV2,
                                                       kSchemaServer,
                                                       kSchemaLedger,
                                                       kSchemaNegotiation,
                                                       kSchemaSessions,
                                                       kSchemaSharing,
                                                       kSchemaReviewQueue,
                                                       kSchemaReviewDecisions,
                                                       kSchemaAccessLogByUser,
                                                       kSchemaReceivedLists,
                                                       kSchemaCheckpointCosignatures};
  return kMigrations;
}

}  // namespace

std::int64_t LatestSchemaVersion() { return static_cast<std::int64_t>(Migrations().size()); }

Result<std::int64_t> Migrate(Database& db) { return MigrateTo(db, LatestSchemaVersion()); }

Result<std::int64_t> MigrateTo(Database& db, std::int64_t target) {
  if (target > LatestSchemaVersion()) {
    return Fail(ErrorCode::kInvalidInput, "no schema version " + std::to_string(target));
  }
  auto created = db.Exec(
      "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT "
      "NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))");
  if (!created) return std::unexpected(created.error());
  auto current = db.QueryInt("SELECT max(version) FROM schema_version");
  if (!current) return std::unexpected(current.error());
  std::int64_t version = current->value_or(0);
  if (version > LatestSchemaVersion()) {
    return Fail(ErrorCode::kUnsupported,
                "the workspace has schema version " + std::to_string(version) +
                    ", newer than this parley build knows (" +
                    std::to_string(LatestSchemaVersion()) + "); upgrade parley");
  }
  for (; version < target; ++version) {
    Transaction tx(db);
    if (auto r = tx.Begin(); !r) return std::unexpected(r.error());
    if (auto r = db.Exec(Migrations()[static_cast<size_t>(version)]); !r) {
      return std::unexpected(r.error());
    }
    auto st = db.Prepare("INSERT INTO schema_version(version) VALUES (?)");
    if (!st) return std::unexpected(st.error());
    st->Bind(1, version + 1);
    if (auto r = st->Run(); !r) return std::unexpected(r.error());
    if (auto r = tx.Commit(); !r) return std::unexpected(r.error());
  }
  return version;
}

Result<std::int64_t> SchemaVersion(Workspace& ws) {
  PARLEY_ASSIGN_OR_RETURN(auto version,
                          ws.db().QueryInt("SELECT max(version) FROM schema_version"));
  return version.value_or(0);
}

}  // namespace parley::store

import type Database from "better-sqlite3";

/** 'cepg': marks a SQLite file as a ceping assessment (`PRAGMA application_id`). */
export const APPLICATION_ID = 0x63657067;

// Each entry takes the schema from version i to i + 1; never edit one that has shipped, add one.
const MIGRATIONS: readonly ((db: Database.Database) => void)[] = [
  (db) => {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE rule_files (
        file TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        selected INTEGER NOT NULL CHECK (selected IN (0, 1))
      ) STRICT;
      CREATE TABLE candidates (
        position INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        record TEXT NOT NULL
      ) STRICT;
      CREATE TABLE events (
        seq INTEGER PRIMARY KEY CHECK (seq > 0),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        prev TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
      CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
      CREATE TRIGGER rule_files_frozen_update BEFORE UPDATE ON rule_files
        BEGIN SELECT RAISE(ABORT, 'the rule snapshot is frozen'); END;
      CREATE TRIGGER rule_files_frozen_delete BEFORE DELETE ON rule_files
        BEGIN SELECT RAISE(ABORT, 'the rule snapshot is frozen'); END;
      CREATE TRIGGER rule_files_frozen_insert BEFORE INSERT ON rule_files
        WHEN EXISTS (SELECT 1 FROM events)
        BEGIN SELECT RAISE(ABORT, 'the rule snapshot is frozen'); END;
      CREATE TRIGGER candidates_frozen_update BEFORE UPDATE ON candidates
        BEGIN SELECT RAISE(ABORT, 'the candidates are frozen'); END;
      CREATE TRIGGER candidates_frozen_delete BEFORE DELETE ON candidates
        BEGIN SELECT RAISE(ABORT, 'the candidates are frozen'); END;
      CREATE TRIGGER candidates_frozen_insert BEFORE INSERT ON candidates
        WHEN EXISTS (SELECT 1 FROM events)
        BEGIN SELECT RAISE(ABORT, 'the candidates are frozen'); END;
    `);
  },
];

/** The schema version this ceping writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings a file's schema from version `found` up to SCHEMA_VERSION, in one transaction. */
export function migrate(db: Database.Database, found: number): void {
  db.transaction(() => {
    for (let version = found; version < SCHEMA_VERSION; version++) {
      (MIGRATIONS[version] as (db: Database.Database) => void)(db);
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    db.pragma(`application_id = ${APPLICATION_ID}`);
  }).immediate();
}

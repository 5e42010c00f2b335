import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import type {
  AssessmentStore,
  CandidateRecord,
  ChainHead,
  RuleFileRecord,
  Snapshot,
  StoredEvent,
} from "./assessment-store.ts";
import { canonicalJson } from "@ceping/engine";
import { breakInChain, GENESIS_HASH } from "./chain-events.ts";
import {
  StoreClosedError,
  StoreConflictError,
  StoreError,
  StoreExistsError,
  StoreFullError,
  StoreInUseError,
  StoreIoError,
  StoreNotAssessmentError,
  StoreNotFoundError,
  StoreTooNewError,
} from "./errors.ts";
import { APPLICATION_ID, migrate, SCHEMA_VERSION } from "./migrations.ts";

/** How to open an assessment file. */
export interface SqliteStoreOptions {
  /** make a new file; StoreExistsError when something is at the path already @default false */
  readonly create?: boolean;
  /** cap the file at this many pages: a write beyond fails as on a full disk (for tests) */
  readonly maxPages?: number;
}

interface EventRow {
  seq: number;
  at: string;
  actor: string;
  kind: string;
  payload: string;
  prev: string;
  hash: string;
}

/**
 * Opens (or creates) an assessment file as a store. The file is held with an exclusive lock until
 * `close()`, so a second program is told it is in use (StoreInUseError) instead of writing over
 * it; every append is committed to the write-ahead log and synced before it returns.
 */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): AssessmentStore {
  const location = path;
  if (options.create && existsSync(path)) {
    throw new StoreExistsError(location);
  }
  if (!options.create && !existsSync(path)) {
    throw new StoreNotFoundError(location);
  }
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: !options.create, timeout: 0 });
  } catch (cause) {
    throw translate(cause, location);
  }
  try {
    // the lock is taken at the first access and, in this mode, never released until close
    db.pragma("locking_mode = EXCLUSIVE");
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.exec("BEGIN EXCLUSIVE; COMMIT");
    const version = db.pragma("user_version", { simple: true }) as number;
    const application = db.pragma("application_id", { simple: true }) as number;
    if (options.create) {
      migrate(db, 0);
    } else if (application !== APPLICATION_ID) {
      throw new StoreNotAssessmentError(location);
    } else if (version > SCHEMA_VERSION) {
      throw new StoreTooNewError(location, version, SCHEMA_VERSION);
    } else if (version < SCHEMA_VERSION) {
      migrate(db, version);
    }
    if (options.maxPages !== undefined) {
      db.pragma(`max_page_count = ${Math.floor(options.maxPages)}`);
    }
  } catch (cause) {
    db.close();
    throw translate(cause, location);
  }
  return new SqliteStore(db, location);
}

class SqliteStore implements AssessmentStore {
  readonly location: string;
  #db: Database.Database | undefined;
  readonly #statements: ReturnType<typeof prepare>;

  constructor(db: Database.Database, location: string) {
    this.#db = db;
    this.location = location;
    this.#statements = prepare(db);
  }

  readSnapshot(): Snapshot | undefined {
    return this.#run(() => {
      const ruleFiles = this.#statements.ruleFiles.all() as {
        file: string;
        text: string;
        selected: number;
      }[];
      const candidates = this.#statements.candidates.all() as { record: string }[];
      if (ruleFiles.length === 0 && candidates.length === 0) {
        return undefined;
      }
      return {
        ruleFiles: ruleFiles.map((row): RuleFileRecord => ({
          file: row.file,
          text: row.text,
          selected: row.selected === 1,
        })),
        candidates: candidates.map((row) => JSON.parse(row.record) as CandidateRecord),
      };
    });
  }

  initialize(snapshot: Snapshot, events: readonly StoredEvent[]): void {
    this.#run(() => {
      const db = this.#database();
      db.transaction(() => {
        const head = this.#head();
        const used = (db.prepare("SELECT count(*) AS n FROM rule_files").get() as { n: number }).n;
        if (head.seq !== 0 || used !== 0) {
          throw new StoreConflictError(this.location, 0, head.seq);
        }
        for (const file of snapshot.ruleFiles) {
          this.#statements.insertRuleFile.run(file.file, file.text, file.selected ? 1 : 0);
        }
        snapshot.candidates.forEach((candidate, position) => {
          this.#statements.insertCandidate.run(position, candidate.id, canonicalJson(candidate));
        });
        this.#statements.insertMeta.run("created", new Date().toISOString());
        this.#insert(head, events);
      }).immediate();
    });
  }

  readEvents(after = 0): StoredEvent[] {
    return this.#run(() =>
      (this.#statements.events.all(after) as EventRow[]).map((row) => ({
        ...row,
        payload: parsePayload(row.payload),
      })),
    );
  }

  head(): ChainHead {
    return this.#run(() => this.#head());
  }

  append(events: readonly StoredEvent[]): void {
    if (events.length === 0) {
      return;
    }
    this.#run(() => {
      this.#database()
        .transaction(() => this.#insert(this.#head(), events))
        .immediate();
    });
  }

  close(): void {
    const db = this.#db;
    if (!db) {
      return;
    }
    this.#db = undefined;
    try {
      db.close();
    } catch (cause) {
      throw translate(cause, this.location);
    }
  }

  #insert(head: ChainHead, events: readonly StoredEvent[]): void {
    const broken = breakInChain(head, events);
    if (broken) {
      throw new StoreConflictError(this.location, broken.expected, broken.found);
    }
    for (const event of events) {
      this.#statements.insertEvent.run(
        event.seq,
        event.at,
        event.actor,
        event.kind,
        canonicalJson(event.payload),
        event.prev,
        event.hash,
      );
    }
  }

  #head(): ChainHead {
    const row = this.#statements.head.get() as { seq: number; hash: string } | undefined;
    return row ?? { seq: 0, hash: GENESIS_HASH };
  }

  #database(): Database.Database {
    if (!this.#db) {
      throw new StoreClosedError(this.location);
    }
    return this.#db;
  }

  #run<T>(action: () => T): T {
    this.#database();
    try {
      return action();
    } catch (cause) {
      throw translate(cause, this.location);
    }
  }
}

function prepare(db: Database.Database) {
  return {
    ruleFiles: db.prepare("SELECT file, text, selected FROM rule_files ORDER BY file"),
    candidates: db.prepare("SELECT record FROM candidates ORDER BY position"),
    events: db.prepare(
      "SELECT seq, at, actor, kind, payload, prev, hash FROM events WHERE seq > ? ORDER BY seq",
    ),
    head: db.prepare("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1"),
    insertRuleFile: db.prepare("INSERT INTO rule_files (file, text, selected) VALUES (?, ?, ?)"),
    insertCandidate: db.prepare("INSERT INTO candidates (position, id, record) VALUES (?, ?, ?)"),
    insertMeta: db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"),
    insertEvent: db.prepare(
      "INSERT INTO events (seq, at, actor, kind, payload, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ),
  };
}

function parsePayload(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // a payload edited into broken JSON: keep the text, so that its hash shows the change
    return text;
  }
}

/** SQLite's failures as the store's typed errors; anything else (a bug) unchanged. */
function translate(cause: unknown, location: string): unknown {
  if (cause instanceof StoreError || !(cause instanceof Database.SqliteError)) {
    return cause;
  }
  const code = cause.code;
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
    return new StoreInUseError(location, cause);
  }
  if (code === "SQLITE_FULL") {
    return new StoreFullError(location, cause);
  }
  if (code === "SQLITE_NOTADB") {
    return new StoreNotAssessmentError(location, cause);
  }
  return new StoreIoError(location, `${code}: ${cause.message}`, cause);
}

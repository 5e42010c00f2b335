import { formatMessage } from "@ceping/engine";
import type { Message } from "@ceping/engine";

/** The stable codes of the store's exceptional conditions. */
export type StoreErrorCode =
  | "STORE_IN_USE"
  | "STORE_FULL"
  | "STORE_NOT_ASSESSMENT"
  | "STORE_TOO_NEW"
  | "STORE_EXISTS"
  | "STORE_NOT_FOUND"
  | "STORE_CONFLICT"
  | "STORE_CLOSED"
  | "STORE_IO";

/** An exceptional condition of the store: a stable `code`, and `detail` to show in either language. */
export class StoreError extends Error {
  override readonly name: string = "StoreError";
  readonly code: StoreErrorCode;
  readonly detail: Message;
  /** the file (or other place) the store lives in */
  readonly location: string;
  constructor(code: StoreErrorCode, detail: Message, location: string, cause?: unknown) {
    super(formatMessage(detail, "en"), cause === undefined ? undefined : { cause });
    this.code = code;
    this.detail = detail;
    this.location = location;
  }
}

/** Another program (or connection) has the assessment open: nothing was read or written. */
export class StoreInUseError extends StoreError {
  override readonly name = "StoreInUseError";
  constructor(location: string, cause?: unknown) {
    super("STORE_IN_USE", { code: "store.in_use", params: { file: location } }, location, cause);
  }
}

/** The disk (or the file's size limit) is full: the write was rolled back, the file is as it was. */
export class StoreFullError extends StoreError {
  override readonly name = "StoreFullError";
  constructor(location: string, cause?: unknown) {
    super("STORE_FULL", { code: "store.full", params: { file: location } }, location, cause);
  }
}

/** The file is not an assessment (another SQLite database, or not SQLite at all). */
export class StoreNotAssessmentError extends StoreError {
  override readonly name = "StoreNotAssessmentError";
  constructor(location: string, cause?: unknown) {
    super(
      "STORE_NOT_ASSESSMENT",
      { code: "store.not_assessment", params: { file: location } },
      location,
      cause,
    );
  }
}

/** The file was written by a newer ceping whose schema this one does not know. */
export class StoreTooNewError extends StoreError {
  override readonly name = "StoreTooNewError";
  constructor(location: string, version: number, supported: number) {
    super(
      "STORE_TOO_NEW",
      { code: "store.too_new", params: { file: location, version, supported } },
      location,
    );
  }
}

/** A new assessment was to be created where a file already is; nothing was overwritten. */
export class StoreExistsError extends StoreError {
  override readonly name = "StoreExistsError";
  constructor(location: string) {
    super("STORE_EXISTS", { code: "store.exists", params: { file: location } }, location);
  }
}

/** There is no assessment file at the path given. */
export class StoreNotFoundError extends StoreError {
  override readonly name = "StoreNotFoundError";
  constructor(location: string) {
    super("STORE_NOT_FOUND", { code: "store.not_found", params: { file: location } }, location);
  }
}

/** Someone else appended events since this writer last read: read again and retry. */
export class StoreConflictError extends StoreError {
  override readonly name = "StoreConflictError";
  constructor(location: string, expected: number, found: number) {
    super(
      "STORE_CONFLICT",
      { code: "store.conflict", params: { file: location, expected, found } },
      location,
    );
  }
}

/** The store was used after it was closed. */
export class StoreClosedError extends StoreError {
  override readonly name = "StoreClosedError";
  constructor(location: string) {
    super("STORE_CLOSED", { code: "store.closed", params: { file: location } }, location);
  }
}

/** Reading or writing the file failed otherwise (permissions, a broken disk). */
export class StoreIoError extends StoreError {
  override readonly name = "StoreIoError";
  constructor(location: string, reason: string, cause?: unknown) {
    super("STORE_IO", { code: "store.io", params: { file: location, reason } }, location, cause);
  }
}

package dev.quarry.processor.query;

/** The kinds of problem {@link QueryChecker} reports; each has a message in {@code Errors}. */
public enum ProblemKind {
  SYNTAX,
  UNSUPPORTED_STATEMENT,
  UNKNOWN_TABLE,
  UNKNOWN_COLUMN,
  AMBIGUOUS_COLUMN,
  UNKNOWN_ALIAS,
  UNKNOWN_PARAMETER,
  UNUSED_PARAMETER,
  PARAMETER_TYPE_MISMATCH,
  POSITIONAL_PARAMETER,
  DIALECT_SYNTAX,
  COLUMN_COUNT_MISMATCH,
  OTHER
}

package dev.quarry.benchmarks.model;

/** A book as a plain value (JDBC, jOOQ, MyBatis). */
public record BookRow(long id, long authorId, String title, int pages) {}

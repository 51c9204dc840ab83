package dev.quarry.it;

/** Composite key of {@link Enrollment}. */
public record EnrollmentKey(long studentId, String course) {}

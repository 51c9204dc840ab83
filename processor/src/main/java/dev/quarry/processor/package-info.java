/**
 * The Quarry annotation processor.
 *
 * <p>Structure (after google/auto's AutoValue and Room's compiler): {@link
 * dev.quarry.processor.QuarryProcessor} is thin; {@link dev.quarry.processor.EntityStep} handles
 * rounds and deferral; {@link dev.quarry.processor.EntityParser} (with its property, type and
 * relationship parsers) turns elements into the immutable, validated {@code model}, reusable by
 * other steps such as future {@code @Dao} interfaces; each generated artifact has its own writer in
 * {@code writer}; every message lives in {@link dev.quarry.processor.Errors}. Annotations are read
 * as mirrors by qualified name ({@link dev.quarry.processor.RuntimeNames}): the processor never
 * loads runtime classes.
 *
 * <p>Gradle incremental processing: the processor is declared <em>aggregating</em> in
 * {@code META-INF/gradle/incremental.annotation.processors}. Most outputs depend on one entity
 * (plus the declarations of related entities), but the registry lists every entity of the
 * compilation and duplicate table names are checked across entities, so an isolating declaration
 * would be wrong. Every generated file names its originating entity elements; only
 * {@code CLASS}-retention annotations are read, as aggregating processors require.
 */
package dev.quarry.processor;

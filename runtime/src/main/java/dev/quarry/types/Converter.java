package dev.quarry.types;

/**
 * Converts between a property's Java type and a type the database stores (SQLAlchemy's
 * {@code TypeDecorator}). Used by one property through {@link dev.quarry.annotation.Convert}, or by
 * every property of type {@code J} when global ({@link dev.quarry.annotation.AutoApply},
 * {@link dev.quarry.annotation.Converters}). Implementations need a public no-argument
 * constructor; generated code creates them with {@code new}. Null is never passed to either method.
 *
 * @param <J> the property's Java type
 * @param <D> the stored type: one of the types Quarry maps natively (String, Long, byte[], …)
 */
public interface Converter<J, D> {
  /** The value to store for a property value. */
  D toDatabase(J value);

  /** The property value for a stored value. */
  J fromDatabase(D value);
}

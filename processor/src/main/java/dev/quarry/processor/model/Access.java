package dev.quarry.processor.model;

import com.palantir.javapoet.CodeBlock;

/**
 * How generated code reads and writes a property of an entity held in a local variable: through
 * the field when it is reachable from the entity's package, else through its accessors. The
 * accessors are recorded even when the field is used, because the lazy-loading subclass overrides them.
 *
 * @param field field name, or null when the field is not used (private or absent)
 * @param getter getter name, or null
 * @param setter setter name, or null
 * @param getterOverridable whether the generated subclass may override the getter
 * @param setterOverridable whether the generated subclass may override the setter
 * @param getterModifier the getter's visibility keyword ("public", "protected" or "" for package-private)
 * @param setterModifier the setter's visibility keyword
 */
public record Access(String field, String getter, String setter, boolean getterOverridable,
    boolean setterOverridable, String getterModifier, String setterModifier) {

  /** Whether generated code goes through the field. */
  public boolean usesField() {
    return field != null;
  }

  /** Expression reading the property of {@code target}. */
  public CodeBlock read(String target) {
    return usesField() ? CodeBlock.of("$L.$N", target, field) : CodeBlock.of("$L.$N()", target, getter);
  }

  /** Statement (without semicolon) writing {@code value} to the property of {@code target}. */
  public CodeBlock write(String target, CodeBlock value) {
    return usesField()
        ? CodeBlock.of("$L.$N = $L", target, field, value)
        : CodeBlock.of("$L.$N($L)", target, setter, value);
  }
}

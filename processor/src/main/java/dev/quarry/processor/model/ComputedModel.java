package dev.quarry.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * A computed (hybrid) property: a Java getter plus a static method giving its SQL expression over
 * the entity's metamodel. Not a column.
 *
 * @param name property name ({@code fullName}), also the metamodel method's name
 * @param expressionMethod the entity's static method taking the metamodel
 * @param expressionType the declared return type of that method ({@code StringExpression})
 */
public record ComputedModel(String name, String expressionMethod, TypeName expressionType) {}

package org.gridguard.platform;

/**
 * Why one field of an input was refused: {@code field} names it as the user or client sent it, {@code message}
 * says what is wrong in words the user understands.
 */
public record FieldProblem(String field, String message) {
}

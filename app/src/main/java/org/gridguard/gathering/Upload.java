package org.gridguard.gathering;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * An uploaded file as the module reads it: its name, its size (checked before the content is read) and the content.
 */
public record Upload(@Nullable String filename, long size, Supplier<byte[]> content) {
}

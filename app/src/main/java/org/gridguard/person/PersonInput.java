package org.gridguard.person;

import org.jspecify.annotations.Nullable;

/**
 * A person as another system or module knows them, to be matched or registered: document already validated, phone
 * normalised or {@code null}.
 */
public record PersonInput(IdDocument document, String name, @Nullable String phone, @Nullable String address) {
}

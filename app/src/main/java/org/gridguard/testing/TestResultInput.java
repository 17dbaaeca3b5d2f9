package org.gridguard.testing;

import org.jspecify.annotations.Nullable;

/**
 * One result as received, not yet validated: fields are kept as text so that every problem can be named.
 *
 * @param index position in the batch (API) or row number (file), echoed in the outcome
 * @param sampledAt ISO-8601 with offset, e.g. {@code 2022-01-05T09:30:00+08:00}
 * @param kind {@code NAT} or {@code ANTIGEN} (also 核酸, 抗原)
 * @param result {@code POSITIVE} or {@code NEGATIVE} (also 阳性, 阴性)
 */
public record TestResultInput(int index, @Nullable String idNumber, @Nullable String name, @Nullable String sampledAt,
		@Nullable String kind, @Nullable String result, @Nullable Boolean pooled) {
}

package org.gridguard.venue;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One person on a venue's staff roster.
 *
 * @param nextTestDue when the next routine test is due by the category's frequency ({@code null}: never tested)
 * @param overdue the routine test is overdue (or was never taken)
 * @param onShift on a closed-loop shift today
 */
public record StaffMember(long id, long personId, String name, String idMasked, @Nullable String phoneMasked,
		@Nullable String post, @Nullable LocalDate lastTestOn, @Nullable LocalDate nextTestDue, boolean overdue,
		@Nullable LocalDate loopFrom, @Nullable LocalDate loopUntil, boolean onShift) {
}

package org.gridguard.platform;

import java.util.List;

/**
 * The request was valid but the thing has moved on: a task no longer open, a room already taken. The API answers 409
 * with the same body as {@link InvalidInput}; pages show the message like any other refused input.
 */
public class Conflict extends InvalidInput {

	public Conflict(String field, String message) {
		super(List.of(new FieldProblem(field, message)));
	}

}

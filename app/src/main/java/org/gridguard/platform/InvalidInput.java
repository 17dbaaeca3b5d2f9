package org.gridguard.platform;

import java.util.List;

/**
 * Input refused for named reasons. The API answers it with 422 and {@code {"errors":[{"field","message"}]}};
 * pages show each message next to its field.
 */
public class InvalidInput extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidInput(List<FieldProblem> problems) {
		super(problems.isEmpty() ? "invalid input" : problems.get(0).field() + ": " + problems.get(0).message());
		this.problems = List.copyOf(problems);
	}

	public static InvalidInput of(String field, String message) {
		return new InvalidInput(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> problems() {
		return problems;
	}

}

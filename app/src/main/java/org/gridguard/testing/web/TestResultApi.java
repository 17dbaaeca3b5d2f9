package org.gridguard.testing.web;

import java.util.ArrayList;
import java.util.List;

import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.region.Jurisdiction;
import io.swagger.v3.oas.annotations.media.Schema;
import org.gridguard.status.StatusColour;
import org.gridguard.testing.BatchOutcome;
import org.gridguard.testing.TestResult;
import org.gridguard.testing.TestResultInput;
import org.gridguard.testing.TestingManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/test-results}: labs and sampling points send results in batches of up to 10,000. Each item is
 * accepted or rejected on its own, with the field and reason.
 */
@RestController
@RequestMapping("/api/v1/test-results")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'EPIDEMIOLOGIST') or (hasRole('DEPARTMENT') and principal.jurisdiction().sector() == 'HEALTH')")
class TestResultApi {

	private final TestingManagement testing;

	private final Messages messages;

	TestResultApi(TestingManagement testing, Messages messages) {
		this.testing = testing;
		this.messages = messages;
	}

	@PostMapping
	ResultsAnswer record(@RequestBody ResultBatch batch, Jurisdiction who) {
		if (batch.results() == null || batch.results().isEmpty()) {
			throw InvalidInput.of("results", messages.get("testing.batch.empty"));
		}
		if (batch.results().size() > TestingManagement.MAX_BATCH) {
			throw InvalidInput.of("results", messages.get("testing.batch.tooLarge", TestingManagement.MAX_BATCH));
		}
		var inputs = new ArrayList<TestResultInput>(batch.results().size());
		for (int i = 0; i < batch.results().size(); i++) {
			Item item = batch.results().get(i);
			inputs.add(item == null ? new TestResultInput(i, null, null, null, null, null, null)
					: new TestResultInput(i, item.idNumber(), item.name(), item.sampledAt(), item.kind(), item.result(),
							item.pooled()));
		}
		return ResultsAnswer.of(testing.record(inputs, "api:" + who.username()));
	}

	record ResultBatch(@Nullable List<@Nullable Item> results) {
	}

	/**
	 * One result as a lab sends it. {@code kind} and {@code result} also take 核酸/PCR, 抗原 and 阳性/阴性 (or + and -).
	 */
	record Item(@Nullable String idNumber, @Nullable String name,
			@Schema(description = "ISO-8601 with offset, e.g. 2022-01-05T09:30:00+08:00") @Nullable String sampledAt,
			@Schema(implementation = TestResult.Kind.class) @Nullable String kind,
			@Schema(implementation = TestResult.Outcome.class) @Nullable String result, @Nullable Boolean pooled) {
	}

	/** The answer to a batch, shaped like the check-ins' answer (API.md). */
	record ResultsAnswer(int accepted, List<ResultRejection> rejected, List<ResultStatus> results) {

		static ResultsAnswer of(BatchOutcome outcome) {
			return new ResultsAnswer(outcome.accepted(),
					outcome.rejected().stream().map(r -> new ResultRejection(r.index(), r.field(), r.message())).toList(),
					outcome.results().stream().map(r -> new ResultStatus(r.index(), r.status(), r.admit())).toList());
		}

	}

	/** A refused item: its position in the batch, the field and why. */
	record ResultRejection(int index, @Nullable String field, String message) {
	}

	/** An accepted item: the person's colour now, and whether a venue would admit them. */
	record ResultStatus(int index, @Schema(implementation = StatusColour.class) String status, boolean admit) {
	}

}

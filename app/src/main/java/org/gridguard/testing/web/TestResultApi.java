package org.gridguard.testing.web;

import java.util.ArrayList;
import java.util.List;

import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.region.Jurisdiction;
import org.gridguard.testing.BatchOutcome;
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
	BatchOutcome record(@RequestBody ResultBatch batch, Jurisdiction who) {
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
		return testing.record(inputs, "api:" + who.username());
	}

	record ResultBatch(@Nullable List<@Nullable Item> results) {
	}

	record Item(@Nullable String idNumber, @Nullable String name, @Nullable String sampledAt, @Nullable String kind,
			@Nullable String result, @Nullable Boolean pooled) {
	}

}

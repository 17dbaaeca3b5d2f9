package org.gridguard.notice.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.gridguard.notice.Notice;
import org.gridguard.notice.NoticeQueries;
import org.gridguard.platform.ListExport;
import org.gridguard.platform.ListExports;
import org.gridguard.platform.Messages;
import org.gridguard.region.Jurisdiction;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The export twin of the notice list: every notice of the chosen state, as the list shows it. */
@Controller
class NoticeExportController {

	private final NoticeQueries queries;

	private final ListExports exports;

	private final Messages messages;

	NoticeExportController(NoticeQueries queries, ListExports exports, Messages messages) {
		this.queries = queries;
		this.exports = exports;
		this.messages = messages;
	}

	@GetMapping("/notices/export")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'EPIDEMIOLOGIST', 'TOWN_OFFICER')")
	void list(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) Notice.@Nullable State state, Jurisdiction who, HttpServletResponse response) {
		exports.send(ListExport.of("notices", queries.listQuery(state, who),
				List.of("notice.number", "notice.title", "common.status", "notice.draftedBy", "notice.changedAt"),
				ListExport.<Notice>eachRow(n -> Arrays.asList(n.number(), n.title(),
						messages.get("notice.state." + n.state()), n.draftedBy(), changedAt(n))))
			.filteredBy("state", state), format, response);
	}

	private static Instant changedAt(Notice n) {
		for (Instant at : new Instant[] { n.withdrawnAt(), n.publishedAt(), n.approvedAt(), n.submittedAt() }) {
			if (at != null) {
				return at;
			}
		}
		return n.updatedAt();
	}

}

package org.gridguard.notice.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.security.PermitAll;
import org.gridguard.notice.Notice;
import org.gridguard.notice.PublicNotices;
import org.gridguard.platform.PublicAddress;
import org.gridguard.venue.RiskArea;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public notices for other systems and sites (API.md): no account, readable from any origin. Only what the public
 * page shows: published notices in force and the current risk areas, never a draft, a drafter or a person.
 */
@RestController
@RequestMapping("/api/public")
@CrossOrigin(origins = "*", methods = RequestMethod.GET)
class PublicNoticeApi {

	private final PublicNotices board;

	private final PublicAddress address;

	private final Clock clock;

	PublicNoticeApi(PublicNotices board, PublicAddress address, Clock clock) {
		this.board = board;
		this.address = address;
		this.clock = clock;
	}

	/** A risk area as the public sees it; {@code since} only on the current list, not on a notice's copy. */
	record AreaView(String name, @Schema(allowableValues = { "HIGH", "MID", "LOW" }) String level,
			@Nullable LocalDate since) {

		static AreaView of(RiskArea area) {
			return new AreaView(area.name(), area.level(), area.since());
		}

		static AreaView of(Notice.ListedArea area) {
			return new AreaView(area.name(), area.level(), null);
		}

	}

	/** A notice in force; {@code url} is its public page, {@code pdfUrl} its PDF. */
	record NoticeView(String number, String title, OffsetDateTime publishedAt, String url, String pdfUrl,
			@Nullable OffsetDateTime effectiveFrom, @Nullable OffsetDateTime effectiveUntil, List<AreaView> riskAreas) {
	}

	/** The notices in force, the latest first, each with the risk areas it lists. */
	@GetMapping("/notices")
	@PermitAll
	List<NoticeView> notices() {
		String base = base();
		return board.board()
			.inForce()
			.stream()
			.map(n -> new NoticeView(String.valueOf(n.number()), n.title(), offset(n.publishedAt()),
					base + n.publicPath(), base + n.publicPath() + ".pdf", offsetOrNull(n.effectiveFrom()),
					offsetOrNull(n.effectiveUntil()), n.riskAreas().stream().map(AreaView::of).toList()))
			.toList();
	}

	/** The current risk-area list (high first), as the venue scan page offers it. */
	@GetMapping("/risk-areas")
	@PermitAll
	List<AreaView> riskAreas() {
		return board.board().riskAreas().stream().map(AreaView::of).toList();
	}

	private String base() {
		return address.base();
	}

	private OffsetDateTime offset(@Nullable Instant at) {
		return (at == null ? Instant.EPOCH : at).atZone(clock.getZone()).toOffsetDateTime();
	}

	private @Nullable OffsetDateTime offsetOrNull(@Nullable Instant at) {
		return at == null ? null : offset(at);
	}

}

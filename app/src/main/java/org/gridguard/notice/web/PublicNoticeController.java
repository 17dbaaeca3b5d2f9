package org.gridguard.notice.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import jakarta.annotation.security.PermitAll;
import org.gridguard.notice.Notice;
import org.gridguard.notice.NoticeQueries;
import org.gridguard.notice.PublicNotices;
import org.gridguard.platform.NotFound;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The public notice board, for anyone on a phone, without an account: the notices in force, the current risk areas,
 * the latest notices no longer in force, and each published notice with its PDF. Drafts and notices awaiting
 * approval answer 404 like unknown numbers.
 */
@Controller
@RequestMapping("/public/notices")
class PublicNoticeController {

	private final PublicNotices board;

	private final NoticeQueries queries;

	private final NoticePdf pdf;

	private final Clock clock;

	PublicNoticeController(PublicNotices board, NoticeQueries queries, NoticePdf pdf, Clock clock) {
		this.board = board;
		this.queries = queries;
		this.pdf = pdf;
		this.clock = clock;
	}

	@GetMapping
	@PermitAll
	String board(Model model) {
		model.addAttribute("board", board.board());
		return "notice/public";
	}

	@GetMapping("/{year}/{seq}")
	@PermitAll
	String notice(@PathVariable int year, @PathVariable int seq, Model model) {
		Notice notice = published(year, seq);
		model.addAttribute("notice", notice);
		model.addAttribute("lapsed", notice.lapsed(clock.instant()));
		return "notice/public-notice";
	}

	@GetMapping("/{year}/{seq}.pdf")
	@PermitAll
	ResponseEntity<byte[]> pdf(@PathVariable int year, @PathVariable int seq) {
		Notice notice = published(year, seq);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename("notice-" + year + "-" + seq + ".pdf", StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(pdf.pdf(notice));
	}

	private Notice published(int year, int seq) {
		return queries.published(year, seq).orElseThrow(() -> new NotFound("notice " + year + "/" + seq));
	}

}

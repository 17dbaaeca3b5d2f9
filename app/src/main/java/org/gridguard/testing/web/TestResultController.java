package org.gridguard.testing.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridguard.platform.ControlCharacters;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NavItem;
import org.gridguard.platform.TableFile;
import org.gridguard.platform.TableWriter;
import org.gridguard.platform.UploadSettings;
import org.gridguard.region.Jurisdiction;
import org.gridguard.testing.BatchOutcome;
import org.gridguard.testing.TestResultFiles;
import org.gridguard.testing.TestResultInput;
import org.gridguard.testing.TestingManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Importing a file of test results (CSV or XLSX, Chinese or English headers) as a lab or sampling point exports it:
 * every row accepted or refused on its own, with the row number, field and reason, and the refused rows as a
 * correction file to fix and import again.
 */
@Controller
@RequestMapping("/testing")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'EPIDEMIOLOGIST') or (hasRole('DEPARTMENT') and principal.jurisdiction().sector() == 'HEALTH')")
class TestResultController {

	static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

	static {
		COLUMNS.put("idNumber", List.of("身份证号", "身份证号码", "证件号码", "idNumber", "id_number"));
		COLUMNS.put("name", List.of("姓名", "name"));
		COLUMNS.put("sampledAt", List.of("采样时间", "sampledAt", "sampled_at"));
		COLUMNS.put("kind", List.of("检测类型", "检测方式", "kind"));
		COLUMNS.put("result", List.of("检测结果", "结果", "result"));
		COLUMNS.put("pooled", List.of("混采", "是否混采", "pooled"));
	}

	/** Rows of one file: the page imports while the user waits (a longer file is refused, naming the row). */
	static final int MAX_ROWS = 200_000;

	private final TestingManagement testing;

	private final TestResultFiles files;

	private final UploadSettings uploads;

	private final Messages messages;

	TestResultController(TestingManagement testing, TestResultFiles files, UploadSettings uploads, Messages messages) {
		this.testing = testing;
		this.files = files;
		this.uploads = uploads;
		this.messages = messages;
	}

	@Bean
	static NavItem testingNav() {
		return NavItem.in(NavItem.CONTROL, "nav.testing", "/testing", 330, "ROLE_CITY_ADMIN", "ROLE_EPIDEMIOLOGIST",
				"ROLE_DEPARTMENT");
	}

	@GetMapping
	String form() {
		return "testing/import";
	}

	@PostMapping
	String upload(@RequestParam(required = false) @Nullable MultipartFile file, Jurisdiction who, Model model)
			throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("problems", List.of(messages.problem("file", "control.push.emptyFile")));
			return "testing/import";
		}
		String filename = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
		if (ControlCharacters.find(filename) >= 0) {
			model.addAttribute("problems", List.of(messages.problem("file", "control.push.fileName")));
			return "testing/import";
		}
		byte[] content = file.getBytes();
		TableFile table;
		try {
			table = TableFile.read(filename, content, uploads.limits().withMaxRows(MAX_ROWS));
		}
		catch (TableFile.Unreadable ex) {
			model.addAttribute("problems", List.of(new FieldProblem("file", messages.get("control.push.unreadable", ex.describe(messages)))));
			return "testing/import";
		}
		Map<String, Integer> columns = table.columns(COLUMNS);
		var missing = new ArrayList<String>();
		for (String required : List.of("idNumber", "sampledAt", "kind", "result")) {
			if (!columns.containsKey(required)) {
				missing.add(COLUMNS.get(required).get(0));
			}
		}
		if (!missing.isEmpty()) {
			model.addAttribute("problems", List.of(new FieldProblem("file", messages.get("control.push.missingColumns",
					String.join("、", missing), String.join(", ", table.headers())))));
			return "testing/import";
		}
		List<TableFile.Row> rows = table.rows().stream().filter(r -> !r.blank()).toList();
		var rejected = new ArrayList<BatchOutcome.Rejection>();
		int accepted = 0;
		for (int from = 0; from < rows.size(); from += TestingManagement.MAX_BATCH) {
			var inputs = new ArrayList<TestResultInput>();
			for (TableFile.Row row : rows.subList(from, Math.min(rows.size(), from + TestingManagement.MAX_BATCH))) {
				inputs.add(new TestResultInput(row.number(), cell(row, columns, "idNumber"), cell(row, columns, "name"),
						timestamp(cell(row, columns, "sampledAt")), cell(row, columns, "kind"), cell(row, columns, "result"),
						pooled(cell(row, columns, "pooled"))));
			}
			BatchOutcome outcome = testing.record(inputs, "file:" + who.username());
			accepted += outcome.accepted();
			rejected.addAll(outcome.rejected());
		}
		model.addAttribute("accepted", accepted);
		model.addAttribute("total", rows.size());
		model.addAttribute("rejected", rejected);
		if (!rejected.isEmpty()) {
			model.addAttribute("corrections", files.keep(filename, content, rejected, who.username()));
			model.addAttribute("retentionDays", uploads.retention().toDays());
		}
		model.addAttribute("encodingNote", table.encodingNote());
		return "testing/import";
	}

	/** The refused rows of a file this user imported, with the reasons: {@code corrections.csv} or {@code .xlsx}. */
	@GetMapping("/uploads/{id}/corrections.{format:csv|xlsx}")
	ResponseEntity<byte[]> corrections(@PathVariable long id, @PathVariable String format, Jurisdiction who) {
		TableWriter.Format f = TableWriter.Format.of(format);
		byte[] file = files.correctionFile(id, who.username(), f);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("corrections-" + id + "." + f.extension()).build().toString())
			.contentType(MediaType.parseMediaType(f.contentType()))
			.body(file);
	}

	private static String cell(TableFile.Row row, Map<String, Integer> columns, String field) {
		Integer column = columns.get(field);
		return column == null ? "" : row.cell(column);
	}

	/** Spreadsheet times without an offset are the city's local time ({@code 2022-01-05 09:30[:00]}). */
	static String timestamp(String text) {
		String t = text.strip();
		if (t.matches("\\d{4}-\\d{1,2}-\\d{1,2}[ T]\\d{1,2}:\\d{2}(:\\d{2})?")) {
			String[] parts = t.split("[ T]");
			String[] date = parts[0].split("-");
			String time = parts[1].length() <= 5 ? parts[1] + ":00" : parts[1];
			if (time.length() == 7) {
				time = "0" + time;
			}
			return "%s-%02d-%02dT%s+08:00".formatted(date[0], Integer.parseInt(date[1]), Integer.parseInt(date[2]), time);
		}
		return t;
	}

	static @Nullable Boolean pooled(String text) {
		String t = text.strip();
		return t.equals("是") || t.equalsIgnoreCase("true") || t.equalsIgnoreCase("yes") || t.equals("1");
	}

}

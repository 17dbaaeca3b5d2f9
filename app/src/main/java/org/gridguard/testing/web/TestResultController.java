package org.gridguard.testing.web;

import java.io.IOException;

import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.NavItem;
import org.gridguard.platform.TableWriter;
import org.gridguard.platform.UploadSettings;
import org.gridguard.region.Jurisdiction;
import org.gridguard.testing.SamplingTimes;
import org.gridguard.testing.TestResultFiles;
import org.gridguard.testing.TestResultImport;
import org.gridguard.testing.TestResultUpload;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Importing a file of test results (CSV or XLSX, Chinese or English headers) as a lab or sampling point exports it:
 * the upload is stored and imported in the background with a progress view, like a push list; every row is accepted
 * or refused on its own, with the row number, field and reason; the refused rows come back as a correction file; past
 * imports are listed with their counts.
 */
@Controller
@RequestMapping("/testing")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'EPIDEMIOLOGIST') or (hasRole('DEPARTMENT') and principal.jurisdiction().sector() == 'HEALTH')")
class TestResultController {

	/** Refused rows shown on an import's page; all of them are in the correction file. */
	static final int SHOWN_REJECTIONS = 500;

	private final TestResultImport imports;

	private final TestResultFiles files;

	private final UploadSettings uploads;

	TestResultController(TestResultImport imports, TestResultFiles files, UploadSettings uploads) {
		this.imports = imports;
		this.files = files;
		this.uploads = uploads;
	}

	@Bean
	static NavItem testingNav() {
		return NavItem.in(NavItem.CONTROL, "nav.testing", "/testing", 330, "ROLE_CITY_ADMIN", "ROLE_EPIDEMIOLOGIST",
				"ROLE_DEPARTMENT");
	}

	/** The upload form, with the forms of sampling time it reads, and the import history. */
	@GetMapping
	String form(Jurisdiction who, Model model) {
		model.addAttribute("examples", SamplingTimes.EXAMPLES);
		model.addAttribute("imports", files.history(who, 50));
		model.addAttribute("myUsername", who.username());
		model.addAttribute("retentionDays", uploads.retention().toDays());
		return "testing/import";
	}

	@PostMapping
	String upload(@RequestParam(required = false) @Nullable MultipartFile file, Jurisdiction who,
			RedirectAttributes flash) throws IOException {
		try {
			long id = imports.upload(file == null ? null : file.getOriginalFilename(),
					file == null ? new byte[0] : file.getBytes(), who);
			return "redirect:/testing/imports/" + id;
		}
		catch (InvalidInput ex) {
			flash.addFlashAttribute("problems", ex.problems());
			return "redirect:/testing";
		}
	}

	/** One import: its progress while it runs, then its counts, the refused rows and the correction file. */
	@GetMapping("/imports/{id}")
	String show(@PathVariable long id, Jurisdiction who, Model model) {
		TestResultUpload upload = files.get(id, who);
		model.addAttribute("upload", upload);
		model.addAttribute("myUsername", who.username());
		model.addAttribute("rejections", files.rejections(id, SHOWN_REJECTIONS));
		return "testing/upload";
	}

	/** htmx: the progress card, polled while the import runs. */
	@GetMapping("/imports/{id}/progress")
	String progress(@PathVariable long id, Jurisdiction who, Model model) {
		model.addAttribute("upload", files.get(id, who));
		model.addAttribute("myUsername", who.username());
		return "testing/upload :: progress";
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

}

package org.gridguard.control.web;

import java.io.IOException;

import org.gridguard.control.Category;
import org.gridguard.control.PushList;
import org.gridguard.control.PushListImport;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.NavItem;
import org.gridguard.platform.PersonalDataReads;
import org.gridguard.platform.TableWriter;
import org.gridguard.region.Jurisdiction;
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
 * Uploading pushed lists, following their import, and fetching the correction file of the refused rows.
 */
@Controller
@RequestMapping("/control/push-lists")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'EPIDEMIOLOGIST')")
class PushListController {

	private final PushListImport imports;

	private final PersonalDataReads reads;

	PushListController(PushListImport imports, PersonalDataReads reads) {
		this.imports = imports;
		this.reads = reads;
	}

	@Bean
	static NavItem pushListsNav() {
		return NavItem.in(NavItem.CONTROL, "nav.pushLists", "/control/push-lists", 305, "ROLE_CITY_ADMIN", "ROLE_TOWN_OFFICER",
				"ROLE_EPIDEMIOLOGIST");
	}

	@GetMapping
	String list(Jurisdiction who, Model model) {
		model.addAttribute("lists", imports.recent(who, 50));
		model.addAttribute("categories", Category.values());
		return "control/push-lists";
	}

	@PostMapping
	String upload(@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable String source, Jurisdiction who, Model model,
			RedirectAttributes flash) throws IOException {
		try {
			long id = imports.upload(file == null ? null : file.getOriginalFilename(),
					file == null ? new byte[0] : file.getBytes(), category, source, who);
			return "redirect:/control/push-lists/" + id;
		}
		catch (InvalidInput ex) {
			flash.addFlashAttribute("problems", ex.problems());
			return "redirect:/control/push-lists";
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Jurisdiction who, Model model) {
		PushList.WithRejections list = imports.get(id, who);
		model.addAttribute("list", list.list());
		model.addAttribute("file", imports.storedFile(list.list()));
		model.addAttribute("rejections", list.rejections().size() > 500 ? list.rejections().subList(0, 500) : list.rejections());
		model.addAttribute("rejectionCount", list.rejections().size());
		return "control/push-list";
	}

	/** htmx: the progress card, polled while the import runs. */
	@GetMapping("/{id}/progress")
	String progress(@PathVariable long id, Jurisdiction who, Model model) {
		PushList list = imports.get(id, who).list();
		model.addAttribute("list", list);
		model.addAttribute("file", imports.storedFile(list));
		return "control/push-list :: progress";
	}

	/**
	 * The refused rows to correct, as {@code corrections.csv} or {@code corrections.xlsx}, full numbers included: a
	 * bulk read of personal data. Once the uploaded file is deleted (retention), back to the list with the reason.
	 */
	@GetMapping("/{id}/corrections.{format:csv|xlsx}")
	Object corrections(@PathVariable long id, @PathVariable String format, Jurisdiction who, RedirectAttributes flash) {
		TableWriter.Format f = TableWriter.Format.of(format);
		byte[] file;
		try {
			file = imports.correctionFile(id, who, f);
		}
		catch (InvalidInput ex) {
			flash.addFlashAttribute("problems", ex.problems());
			return "redirect:/control/push-lists/" + id;
		}
		reads.served("push-list-corrections", String.valueOf(id), imports.get(id, who).list().rejected(), null);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("corrections-" + id + "." + f.extension()).build().toString())
			.contentType(MediaType.parseMediaType(f.contentType()))
			.body(file);
	}

}

package org.gridguard.response.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.gridguard.platform.InvalidInput;
import org.gridguard.region.Jurisdiction;
import org.gridguard.response.Owners;
import org.gridguard.response.Plan;
import org.gridguard.response.Plans;
import org.gridguard.response.Scenario;
import org.gridguard.shared.Paging;
import org.jspecify.annotations.Nullable;

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
 * Emergency plans: the list by scenario, a plan with its versions to download; the city command registers plans,
 * the command and each plan's owner upload new versions.
 */
@Controller
@RequestMapping("/response/plans")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'EPIDEMIOLOGIST', 'DEPARTMENT')")
class PlanController {

	private final Plans plans;

	private final Owners owners;

	PlanController(Plans plans, Owners owners) {
		this.plans = plans;
		this.owners = owners;
	}

	/** The new-plan form as typed, shown again when it is refused (the file must be chosen again). */
	record PlanForm(@Nullable String scenario, @Nullable String title, @Nullable String owner,
			@Nullable String ownerContact, @Nullable String note) {
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable Scenario scenario,
			@RequestParam(required = false) @Nullable Integer page, Jurisdiction who, Model model) {
		model.addAttribute("result", plans.page(scenario, Paging.of(page, 20)));
		model.addAttribute("base", scenario == null ? "/response/plans" : "/response/plans?scenario=" + scenario.name());
		model.addAttribute("scenario", scenario);
		model.addAttribute("scenarios", Scenario.values());
		model.addAttribute("ownerOptions", owners.options());
		model.addAttribute("owners", owners);
		model.addAttribute("canCreate", who.isCityAdmin());
		model.addAttribute("maxMegabytes", plans.maxBytes() / (1024 * 1024));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new PlanForm(null, null, null, null, null));
		}
		return "response/plans";
	}

	@PostMapping
	@PreAuthorize("hasRole('CITY_ADMIN')")
	String create(@RequestParam(required = false) @Nullable String scenario,
			@RequestParam(required = false) @Nullable String title, @RequestParam(required = false) @Nullable String owner,
			@RequestParam(required = false) @Nullable String ownerContact,
			@RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable MultipartFile file, Jurisdiction who, RedirectAttributes flash) {
		try {
			Plan plan = plans.create(scenario, title, owner, ownerContact, upload(file), note, who);
			flash.addFlashAttribute("created", true);
			return "redirect:/response/plans/" + plan.id();
		}
		catch (InvalidInput ex) {
			flash.addFlashAttribute("problems", ex.problems());
			flash.addFlashAttribute("form", new PlanForm(scenario, title, owner, ownerContact, note));
			return "redirect:/response/plans#new-plan";
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Jurisdiction who, Model model) {
		Plan plan = plans.get(id);
		model.addAttribute("plan", plan);
		model.addAttribute("ownerName", owners.name(plan.owner()));
		model.addAttribute("versions", plans.versions(id));
		model.addAttribute("mayUpload", who.isCityAdmin() || plan.owner().includes(who));
		model.addAttribute("maxMegabytes", plans.maxBytes() / (1024 * 1024));
		return "response/plan";
	}

	@PostMapping("/{id}/versions")
	@PreAuthorize("hasAnyRole('CITY_ADMIN', 'TOWN_OFFICER', 'DEPARTMENT')")
	String upload(@PathVariable long id, @RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable MultipartFile file, Jurisdiction who, RedirectAttributes flash) {
		try {
			var version = plans.addVersion(id, upload(file), note, who);
			flash.addFlashAttribute("uploaded", version.version());
		}
		catch (InvalidInput ex) {
			flash.addFlashAttribute("problems", ex.problems());
			flash.addFlashAttribute("note", note);
		}
		return "redirect:/response/plans/" + id;
	}

	@GetMapping("/{id}/versions/{version}/file")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable int version) {
		Plans.PlanFile file = plans.file(id, version);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.filename(), StandardCharsets.UTF_8).build().toString())
			.body(file.content());
	}

	private static Plans.Upload upload(@Nullable MultipartFile file) {
		if (file == null) {
			return new Plans.Upload(null, 0, () -> new byte[0]);
		}
		return new Plans.Upload(file.getOriginalFilename(), file.getSize(), () -> {
			try {
				return file.getBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

}

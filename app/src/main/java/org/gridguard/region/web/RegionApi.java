package org.gridguard.region.web;

import java.util.List;

import org.gridguard.platform.NotFound;
import io.swagger.v3.oas.annotations.media.Schema;
import org.gridguard.region.Region;
import org.gridguard.region.RegionLevel;
import org.gridguard.region.RegionManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The region tree for other systems ({@code GET /api/v1/regions/{code}/children}). The tree holds no personal data,
 * so every authenticated client may read all of it.
 */
@RestController
@RequestMapping("/api/v1/regions")
@PreAuthorize("isAuthenticated()")
class RegionApi {

	private final RegionManagement regions;

	RegionApi(RegionManagement regions) {
		this.regions = regions;
	}

	@GetMapping("/{code}")
	RegionView one(@PathVariable String code) {
		return RegionView.of(regions.find(code).orElseThrow(() -> new NotFound("region " + code)));
	}

	@GetMapping("/{code}/children")
	List<RegionView> children(@PathVariable String code) {
		if (regions.find(code).isEmpty()) {
			throw new NotFound("region " + code);
		}
		return regions.children(code).stream().map(RegionView::of).toList();
	}

	record RegionView(String code, String name, @Schema(implementation = RegionLevel.class) String level, String kind,
			@Nullable String parentCode) {

		static RegionView of(Region r) {
			return new RegionView(r.code(), r.name(), r.level().name(), r.kind(), r.parentCode());
		}

	}

}

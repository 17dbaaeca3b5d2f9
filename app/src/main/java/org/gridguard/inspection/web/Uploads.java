package org.gridguard.inspection.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.gridguard.inspection.Photos;

import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/** The photos of a page's multipart form: fields {@code photo-<item>} (an item's) or {@code photos} (evidence). */
final class Uploads {

	private Uploads() {
	}

	static List<Photos.Upload> of(HttpServletRequest request) {
		var uploads = new ArrayList<Photos.Upload>();
		MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
		if (multipart == null) {
			return uploads;
		}
		MultiValueMap<String, MultipartFile> files = multipart.getMultiFileMap();
		for (Map.Entry<String, List<MultipartFile>> entry : files.entrySet()) {
			String field = entry.getKey();
			String item = field.startsWith("photo-") ? field.substring("photo-".length()) : null;
			for (MultipartFile file : entry.getValue()) {
				// a file input left empty still sends a part: no name, no bytes
				if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())) {
					continue;
				}
				uploads.add(new Photos.Upload(field, item, file.getSize(), () -> {
					try {
						return file.getBytes();
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}));
			}
		}
		return uploads;
	}

}

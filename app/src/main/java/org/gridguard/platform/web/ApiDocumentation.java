package org.gridguard.platform.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.gridguard.platform.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the JSON API ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html}): an info
 * block, the error answers every operation can give with their body ({@code {"errors":[{"field","message"}]}}), and
 * answers whose fields are always present: GridGuard writes {@code null} rather than leaving a field out, so every
 * field of an answer is listed as required and the ones that can be empty as nullable ({@link NullableFields}). The
 * credentials are described by the account module.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String ERRORS = "Errors";

	private static final Map<String, String> ERROR_DESCRIPTIONS = Map.of("401",
			"No credentials, or wrong ones: HTTP Basic with a user's name and password, or an API token as "
					+ "`Authorization: Bearer gg_…`",
			"403", "The caller's role may not do this", "404",
			"Not found, or outside the caller's jurisdiction (the answer does not tell which)", "409",
			"The thing has moved on (no longer open, already taken)", "422",
			"Invalid input: every refused field with the reason, in the caller's language (`Accept-Language`)", "429",
			"Too many requests or person records in a minute; `Retry-After` says when to try again");

	/** The body of every error answer. */
	record Errors(List<FieldProblem> errors) {
	}

	@Bean
	OpenAPI gridGuardOpenApi() {
		return new OpenAPI().info(new Info().title("GridGuard 网格智控 API")
			.version("1")
			.description("""
					The integration API of GridGuard: push lists in, check-ins and test results, status and contacts out, \
					and the command layer's lists. Paths, fields and status codes of version 1 are a fixed contract: fields \
					are added, never renamed or removed. Bodies are UTF-8 JSON; times are ISO-8601 with offset \
					(`2021-12-09T10:15:00+08:00`), dates `YYYY-MM-DD`. Every answer carries all of its fields, `null` \
					where there is no value. Each caller sees and changes only what lies inside the jurisdiction of the \
					account its credentials belong to; outside it, things answer 404. Error answers have the body \
					`{"errors":[{"field":…,"message":…}]}`."""));
	}

	@Bean
	OpenApiCustomizer errorAnswersAndRequiredFields() {
		return api -> {
			ResolvedSchema errors = ModelConverters.getInstance(true).readAllAsResolvedSchema(Errors.class);
			if (api.getComponents() == null) {
				api.setComponents(new Components());
			}
			errors.referencedSchemas.forEach((name, schema) -> api.getComponents().addSchemas(name, schema));
			if (api.getPaths() != null) {
				api.getPaths().forEach(this::errorAnswers);
			}
			requireAnswerFields(api);
			requireContractRequestFields(api);
		};
	}

	/**
	 * The request fields that the integration contract requires (those it does not mark optional with {@code ?}), by
	 * operation; {@code checkins[].at} is a field of each element of {@code checkins}. Fields with a default the
	 * server applies (tolerances, {@code pooled}) are left optional.
	 */
	static final Map<String, List<String>> CONTRACT_REQUEST_FIELDS = Map.of(
			"post /api/v1/venues", List.of("name", "category", "townCode", "address", "managerName", "managerPhone"),
			"post /api/v1/checkins", List.of("checkins", "checkins[].venueCode", "checkins[].idNumber", "checkins[].at"),
			"post /api/v1/test-results",
			List.of("results", "results[].idNumber", "results[].sampledAt", "results[].kind", "results[].result"),
			"post /api/v1/tracing/queries", List.of("idNumbers", "from", "to"),
			"post /api/v1/tasks/{id}/verification", List.of("outcome"),
			"put /api/v1/response-level", List.of("level", "reason"),
			"post /api/v1/quarantine/sites",
			List.of("name", "townCode", "address", "rooms", "rooms[].number", "rooms[].beds"),
			"post /api/v1/quarantine/transfers/{id}/admission", List.of("siteId"),
			"post /api/v1/push-lists", List.of("file", "category"));

	private static void requireContractRequestFields(OpenAPI api) {
		if (api.getPaths() == null || api.getComponents() == null || api.getComponents().getSchemas() == null) {
			return;
		}
		Map<String, Schema> schemas = api.getComponents().getSchemas();
		CONTRACT_REQUEST_FIELDS.forEach((operation, fields) -> {
			String[] parts = operation.split(" ", 2);
			PathItem item = api.getPaths().get(parts[1]);
			Operation op = item == null ? null : item.readOperationsMap()
				.get(PathItem.HttpMethod.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT)));
			if (op == null || op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
				return;
			}
			for (MediaType media : op.getRequestBody().getContent().values()) {
				for (String field : fields) {
					int dot = field.lastIndexOf("[].");
					Schema<?> owner = resolve(media.getSchema(), schemas);
					if (dot >= 0) {
						Schema<?> list = owner == null || owner.getProperties() == null ? null
								: resolve(owner.getProperties().get(field.substring(0, dot)), schemas);
						owner = list == null ? null : resolve(list.getItems(), schemas);
					}
					String name = dot >= 0 ? field.substring(dot + 3) : field;
					if (owner != null && owner.getProperties() != null && owner.getProperties().containsKey(name)
							&& (owner.getRequired() == null || !owner.getRequired().contains(name))) {
						owner.addRequiredItem(name);
					}
				}
			}
		});
	}

	private static @Nullable Schema<?> resolve(@Nullable Schema<?> schema, Map<String, Schema> schemas) {
		Schema<?> current = schema;
		for (int i = 0; i < 10 && current != null && current.get$ref() != null; i++) {
			current = schemas.get(current.get$ref().substring(current.get$ref().lastIndexOf('/') + 1));
		}
		return current;
	}

	private void errorAnswers(String path, PathItem item) {
		boolean pathVariables = path.contains("{");
		boolean signedIn = path.startsWith("/api/v1/");
		for (Operation operation : item.readOperations()) {
			ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
			boolean input = operation.getRequestBody() != null
					|| (operation.getParameters() != null && !operation.getParameters().isEmpty());
			if (signedIn) {
				responses.putIfAbsent("401", new ApiResponse());
				responses.putIfAbsent("403", new ApiResponse());
			}
			if (pathVariables) {
				responses.putIfAbsent("404", new ApiResponse());
			}
			if (input) {
				responses.putIfAbsent("422", new ApiResponse());
			}
			var sorted = new ApiResponses();
			new TreeMap<>(responses).forEach((code, response) -> {
				if (code.startsWith("4") || code.startsWith("5")) {
					if (response.getDescription() == null || response.getDescription().isBlank()) {
						response.setDescription(ERROR_DESCRIPTIONS.getOrDefault(code, "Refused"));
					}
					// every error answer has the one error body, whatever the handler's own answer is
					response.setContent(new Content().addMediaType("application/json",
							new MediaType().schema(new Schema<>().$ref(ref(ERRORS)))));
				}
				sorted.addApiResponse(code, response);
			});
			operation.setResponses(sorted);
		}
	}

	/**
	 * Every field of an answer is always present (see {@code spring.jackson.default-property-inclusion}), so the
	 * schemas that only answers use list all their fields as required. Schemas that requests use too are left alone:
	 * there, required means that the caller must send the field.
	 */
	private static void requireAnswerFields(OpenAPI api) {
		Map<String, Schema> schemas = api.getComponents().getSchemas();
		if (schemas == null || api.getPaths() == null) {
			return;
		}
		var answers = new HashSet<String>();
		var requests = new HashSet<String>();
		api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
			if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
				operation.getRequestBody().getContent().values().forEach(m -> reach(m.getSchema(), schemas, requests));
			}
			if (operation.getParameters() != null) {
				operation.getParameters().forEach(p -> reach(p.getSchema(), schemas, requests));
			}
			if (operation.getResponses() != null) {
				operation.getResponses().values().forEach(r -> {
					if (r.getContent() != null) {
						r.getContent().values().forEach(m -> reach(m.getSchema(), schemas, answers));
					}
				});
			}
		}));
		answers.removeAll(requests);
		for (String name : answers) {
			Schema<?> schema = schemas.get(name);
			if (schema != null && schema.getProperties() != null && !schema.getProperties().isEmpty()) {
				schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
			}
		}
	}

	/** Adds the names of the component schemas a schema refers to, directly or through others. */
	private static void reach(@Nullable Schema<?> schema, Map<String, Schema> schemas, Set<String> names) {
		if (schema == null) {
			return;
		}
		if (schema.get$ref() != null) {
			String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
			if (names.add(name)) {
				reach(schemas.get(name), schemas, names);
			}
			return;
		}
		if (schema.getProperties() != null) {
			schema.getProperties().values().forEach(p -> reach(p, schemas, names));
		}
		reach(schema.getItems(), schemas, names);
		if (schema.getAdditionalProperties() instanceof Schema<?> values) {
			reach(values, schemas, names);
		}
		for (List<Schema> parts : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
			if (parts != null) {
				parts.forEach(p -> reach(p, schemas, names));
			}
		}
	}

	static String ref(String schema) {
		return "#/components/schemas/" + schema;
	}

	@Bean
	NullableFields nullableFields() {
		return new NullableFields();
	}

}

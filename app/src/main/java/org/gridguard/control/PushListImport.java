package org.gridguard.control;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import org.gridguard.person.IdDocument;
import org.gridguard.person.IdType;
import org.gridguard.person.Person;
import org.gridguard.person.PersonInput;
import org.gridguard.person.PersonManagement;
import org.gridguard.platform.StoredText;
import org.gridguard.platform.AuditLog;
import org.gridguard.platform.ControlCharacters;
import org.gridguard.platform.CorrectionFile;
import org.gridguard.platform.FieldProblem;
import org.gridguard.platform.InvalidInput;
import org.gridguard.platform.Messages;
import org.gridguard.platform.NotFound;
import org.gridguard.platform.Notification;
import org.gridguard.platform.Notifications;
import org.gridguard.platform.TableFile;
import org.gridguard.platform.TableWriter;
import org.gridguard.platform.UploadSettings;
import org.gridguard.region.Jurisdiction;
import org.gridguard.region.RegionManagement;
import org.gridguard.region.Role;
import org.gridguard.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports pushed risk-person lists (CSV UTF-8 or GB18030, or the first sheet of an XLSX workbook; headers in Chinese
 * or English). The upload is stored (encrypted, and deleted after the retention period: {@link PushListFiles}) before
 * it is acknowledged, then processed in the background in chunks, each in its own transaction, so that progress shows
 * and a crash loses nothing: lists left RUNNING are processed again at the next start, which is harmless because
 * nobody is registered twice, up to {@code gridguard.uploads.max-attempts} starts. Files are read within
 * {@link UploadSettings#limits()}. Valid rows are never lost because others are bad; every refused row is listed with
 * the field and reason, and a correction file gives them back with an error column.
 */
@Service
public class PushListImport implements ApplicationRunner, DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(PushListImport.class);

	static final int CHUNK = 5000;

	static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

	static {
		COLUMNS.put("name", List.of("姓名", "name"));
		COLUMNS.put("idNumber", List.of("身份证号", "身份证号码", "证件号码", "证件号", "idNumber", "id_number", "id"));
		COLUMNS.put("idType", List.of("证件类型", "idType", "id_type"));
		COLUMNS.put("phone", List.of("手机号", "手机号码", "联系电话", "电话", "phone", "mobile"));
		COLUMNS.put("address", List.of("现住址", "住址", "地址", "居住地址", "现居住地址", "address"));
		COLUMNS.put("category", List.of("类别", "人员类别", "人员类型", "category"));
		COLUMNS.put("source", List.of("来源", "推送来源", "source"));
		COLUMNS.put("pushedAt", List.of("推送时间", "pushedAt", "pushed_at"));
		COLUMNS.put("lastExposure", List.of("末次接触时间", "末次接触日期", "末次暴露时间", "离开风险区日期", "离开时间",
				"lastExposure", "last_exposure"));
		COLUMNS.put("linkedIdNumber", List.of("关联病例身份证号", "关联人员身份证号", "linkedIdNumber", "linked_id_number"));
		COLUMNS.put("unit", List.of("工作单位", "单位", "就职单位", "workUnit", "unit", "employer"));
	}

	private static final Pattern SCIENTIFIC = Pattern.compile("\\d(\\.\\d+)?[Ee]\\+?\\d+");

	private static final RowMapper<PushList> ROW = (rs, i) -> new PushList(rs.getLong("id"), rs.getString("filename"),
			Category.valueOf(rs.getString("category")), rs.getString("source"),
			PushList.State.valueOf(rs.getString("state")), rs.getInt("total"), rs.getInt("processed"), rs.getInt("accepted"),
			rs.getInt("rejected"), rs.getInt("created"), rs.getInt("existing"), rs.getInt("queued"),
			rs.getInt("transferred"), rs.getString("failure"), rs.getString("encoding_note"), rs.getString("uploaded_by"),
			rs.getTimestamp("uploaded_at").toInstant(),
			rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant());

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate tx;

	private final PersonManagement persons;

	private final RegionManagement regions;

	private final Registrations registrations;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Messages messages;

	private final UploadSettings uploads;

	private final PushListFiles files;

	private final Clock clock;

	/**
	 * Lists are imported one at a time, in the background, so that a large list never starves the requests of the
	 * people working the grids. (Not a bean: an executor bean would replace the application's default one.)
	 */
	private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "push-list-import");
		thread.setDaemon(true);
		return thread;
	});

	PushListImport(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, PersonManagement persons,
			RegionManagement regions, Registrations registrations, Notifications notifications, AuditLog audit,
			Messages messages, UploadSettings uploads, PushListFiles files, Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.tx = tx;
		this.persons = persons;
		this.regions = regions;
		this.registrations = registrations;
		this.notifications = notifications;
		this.audit = audit;
		this.messages = messages;
		this.uploads = uploads;
		this.files = files;
		this.clock = clock;
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}

	/**
	 * Stores an uploaded list and starts its import after the upload commits. Only the city command and town
	 * officers import lists.
	 * @return the list's id, to follow its progress
	 */
	public long upload(@Nullable String filename, byte[] content, @Nullable String categoryText, @Nullable String source,
			Jurisdiction who) {
		if (!who.mayImportLists()) {
			throw new NotFound("push lists");
		}
		var problems = new ArrayList<FieldProblem>();
		Category category = Category.parse(categoryText);
		if (category == null) {
			problems.add(messages.problem("category", "control.push.category"));
		}
		if (content.length == 0) {
			problems.add(messages.problem("file", "control.push.emptyFile"));
		}
		String name = filename == null || filename.isBlank() ? "upload.csv" : filename;
		String lower = name.toLowerCase();
		if (ControlCharacters.find(name) >= 0) {
			problems.add(messages.problem("file", "control.push.fileName"));
		}
		else if (!lower.endsWith(".csv") && !lower.endsWith(".xlsx") && !lower.endsWith(".txt")) {
			problems.add(messages.problem("file", "control.push.fileType"));
		}
		FieldProblem sourceProblem = ControlCharacters.problem("source", source, messages);
		if (sourceProblem != null) {
			problems.add(sourceProblem);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Instant now = clock.instant();
		Long id = tx.execute(status -> {
			long listId = jdbc.sql("""
					INSERT INTO control_push_list (filename, category, source, content, content_encrypted, content_sha256,
						state, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, true, ?, 'RUNNING', ?, ?) RETURNING id""")
				.params(truncate(name, 200), category.name(), source == null || source.isBlank() ? null : truncate(source.strip(), 100),
						files.seal(content), sha256(content), who.username(), Timestamp.from(now))
				.query(Long.class)
				.single();
			audit.record("PUSH_LIST_UPLOAD", "push_list", String.valueOf(listId), name + " " + category);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					start(listId, who.username());
				}
			});
			return listId;
		});
		return id;
	}

	/**
	 * Lists left RUNNING by a crash or a stop are processed again, in upload order; a list that was started
	 * {@code gridguard.uploads.max-attempts} times already is marked FAILED with the reason instead, so that a file
	 * that takes the server down is not started again at every start, and the lists behind it are not held up.
	 */
	@Override
	public void run(ApplicationArguments args) {
		int max = Math.max(1, uploads.maxAttempts());
		jdbc.sql("""
				UPDATE control_push_list SET state = 'FAILED', failure = ?, finished_at = ?
				WHERE state = 'RUNNING' AND attempts >= ? RETURNING id, attempts""")
			.params(messages.get("control.push.abandoned", max), Timestamp.from(clock.instant()), max)
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getInt(2) })
			.list()
			.forEach(given -> LOG.warn("Push list {} was started {} times without finishing: marked FAILED, not started again",
					given[0], given[1]));
		jdbc.sql("SELECT id, uploaded_by FROM control_push_list WHERE state = 'RUNNING' ORDER BY id")
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.list()
			.forEach(row -> start((Long) row[0], (String) row[1]));
	}

	private void start(long listId, String actor) {
		var locale = LocaleContextHolder.getLocale();
		executor.execute(() -> {
			LocaleContextHolder.setLocale(locale);
			try {
				process(listId, actor);
			}
			catch (RuntimeException | StackOverflowError ex) {
				LOG.error("Import of push list {} failed", listId, ex);
				fail(listId, messages.get("control.push.failed", ex.getMessage()));
			}
			catch (OutOfMemoryError ex) {
				// the memory was this list's own: it is free again once the import's frames are gone, so the list is
				// marked failed and the lists behind it go on
				LOG.error("Import of push list {} ran out of memory", listId, ex);
				fail(listId, messages.get("control.push.outOfMemory"));
			}
			finally {
				LocaleContextHolder.resetLocaleContext();
			}
		});
	}

	/** Processes a stored list synchronously (also used by the demo data). */
	void process(long listId, String actor) {
		// each start counts, before anything can fail: a list that takes the server down is given up after a few
		boolean running = jdbc.sql("UPDATE control_push_list SET attempts = attempts + 1 WHERE id = ? AND state = 'RUNNING'")
			.param(listId)
			.update() == 1;
		if (!running) {
			return;
		}
		PushList stored = get(listId);
		String filename = stored.filename();
		Category listCategory = stored.category();
		String listSource = stored.source();
		Instant uploadedAt = stored.uploadedAt();
		byte[] content = files.content(listId);
		if (content == null) {
			fail(listId, messages.get("control.push.fileDeleted"));
			return;
		}
		TableFile file;
		try {
			file = TableFile.read(filename, content, uploads.limits());
		}
		catch (TableFile.Unreadable ex) {
			fail(listId, messages.get("control.push.unreadable", ex.describe(messages)));
			return;
		}
		Map<String, Integer> columns = file.columns(COLUMNS);
		var missing = new ArrayList<String>();
		if (!columns.containsKey("name")) {
			missing.add(messages.get("control.push.column.name"));
		}
		if (!columns.containsKey("idNumber")) {
			missing.add(messages.get("control.push.column.idNumber"));
		}
		if (!missing.isEmpty()) {
			fail(listId, messages.get("control.push.missingColumns", String.join("、", missing), String.join(", ", file.headers())));
			return;
		}
		List<TableFile.Row> rows = file.rows().stream().filter(r -> !r.blank()).toList();
		var rejections = new TreeMap<Integer, List<PushList.Rejection>>();
		var valid = new ArrayList<Valid>();
		var firstRowOf = new HashMap<String, Integer>();
		for (TableFile.Row row : rows) {
			Valid v = validate(row, columns, listCategory, listSource, uploadedAt, rejections);
			if (v == null) {
				continue;
			}
			String key = v.document.type() + ":" + v.document.number();
			Integer earlier = firstRowOf.putIfAbsent(key, row.number());
			if (earlier != null) {
				reject(rejections, row.number(), "idNumber", messages.get("control.push.duplicate", earlier));
				continue;
			}
			valid.add(v);
		}
		tx.executeWithoutResult(status -> {
			jdbc.sql("DELETE FROM control_push_rejection WHERE list_id = ?").param(listId).update();
			template.batchUpdate("INSERT INTO control_push_rejection (list_id, row_no, field, message) VALUES (?, ?, ?, ?)",
					rejections.values()
						.stream()
						.flatMap(List::stream)
						.map(r -> new Object[] { listId, r.row(), r.field(), r.message() })
						.toList());
			jdbc.sql("""
					UPDATE control_push_list SET total = ?, rejected = ?, processed = ?, encoding_note = ?, accepted = 0,
						created = 0, existing = 0, queued = 0, transferred = 0 WHERE id = ?""")
				.params(rows.size(), rejections.size(), rejections.size(), file.encodingNote(), listId)
				.update();
		});
		AddressPlacer placer = new AddressPlacer(regions);
		for (int from = 0; from < valid.size(); from += CHUNK) {
			List<Valid> chunk = valid.subList(from, Math.min(valid.size(), from + CHUNK));
			tx.executeWithoutResult(status -> registerChunk(listId, chunk, placer, actor));
		}
		tx.executeWithoutResult(status -> {
			jdbc.sql("UPDATE control_push_list SET state = 'DONE', finished_at = ? WHERE id = ?")
				.params(Timestamp.from(clock.instant()), listId)
				.update();
			PushList list = get(listId);
			audit.recordAs(actor, "PUSH_LIST_DONE", "push_list", String.valueOf(listId),
					list.accepted() + " accepted, " + list.rejected() + " rejected, " + list.created() + " new");
			notifications.send(new Notifications.Draft("330784", null, actor, Notification.Severity.INFO,
					StoredText.of("control.push.done", filename, list.accepted(), list.rejected()), null,
					"/control/push-lists/" + listId, "control", "control:push-done:" + listId, List.of()));
		});
	}

	private void registerChunk(long listId, List<Valid> chunk, AddressPlacer placer, String actor) {
		long[] personIds = persons.resolveAll(chunk.stream()
			.map(v -> new PersonInput(v.document, v.name, v.phone, v.address))
			.toList(), "push-list:" + listId);
		var linkedDocs = new ArrayList<PersonInput>();
		for (Valid v : chunk) {
			if (v.linked != null) {
				linkedDocs.add(new PersonInput(v.linked, v.linked.masked(), null, null));
			}
		}
		long[] linkedIds = persons.resolveAll(linkedDocs, "push-list:" + listId);
		var personIdSet = new HashSet<Long>();
		for (long id : personIds) {
			personIdSet.add(id);
		}
		Map<Long, Person> known = persons.findAll(personIdSet);
		Set<String> addresses = new HashSet<>();
		for (Valid v : chunk) {
			if (v.address != null) {
				addresses.add(v.address);
			}
		}
		Map<String, String> households = persons.gridsOfAddresses(addresses);
		var pushed = new ArrayList<Pushed>(chunk.size());
		int linkedIndex = 0;
		for (int i = 0; i < chunk.size(); i++) {
			Valid v = chunk.get(i);
			Person person = known.get(personIds[i]);
			Placement placement = placer.place(person == null ? null : person.regionCode(), v.address,
					v.address == null ? null : households.get(v.address));
			Long linked = v.linked == null ? null : linkedIds[linkedIndex++];
			pushed.add(new Pushed(personIds[i], v.name, v.category, placement, v.source, listId, linked, v.lastExposure,
					v.pushedAt, v.unit));
		}
		Registrations.Registration result = registrations.registerAll(pushed, actor);
		jdbc.sql("""
				UPDATE control_push_list SET processed = processed + ?, accepted = accepted + ?, created = created + ?,
					existing = existing + ?, queued = queued + ?, transferred = transferred + ? WHERE id = ?""")
			.params(chunk.size(), chunk.size(), result.created(), result.existing(), result.queued(), result.transferred(),
					listId)
			.update();
	}

	private void fail(long listId, String reason) {
		tx.executeWithoutResult(status -> jdbc.sql(
				"UPDATE control_push_list SET state = 'FAILED', failure = ?, finished_at = ? WHERE id = ?")
			.params(reason, Timestamp.from(clock.instant()), listId)
			.update());
	}

	// ---- reading

	public PushList get(long id) {
		return jdbc.sql("SELECT * FROM control_push_list WHERE id = ?")
			.param(id)
			.query(ROW)
			.optional()
			.orElseThrow(() -> new NotFound("push list " + id));
	}

	/** A list visible to the caller (the city command and epidemiologists see all; town officers their own). */
	public PushList.WithRejections get(long id, Jurisdiction who) {
		PushList list = get(id);
		if (!visible(list, who)) {
			throw new NotFound("push list " + id);
		}
		return new PushList.WithRejections(list, rejections(id));
	}

	public List<PushList.Rejection> rejections(long id) {
		return jdbc.sql("SELECT row_no, field, message FROM control_push_rejection WHERE list_id = ? ORDER BY row_no, field")
			.param(id)
			.query((rs, i) -> new PushList.Rejection(rs.getInt(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	public List<PushList> recent(Jurisdiction who, int limit) {
		if (who.role() == Role.TOWN_OFFICER) {
			return jdbc.sql("SELECT * FROM control_push_list WHERE uploaded_by = ? ORDER BY id DESC LIMIT ?")
				.params(who.username(), limit)
				.query(ROW)
				.list();
		}
		if (!who.isCityWide()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM control_push_list ORDER BY id DESC LIMIT ?").param(limit).query(ROW).list();
	}

	private static boolean visible(PushList list, Jurisdiction who) {
		return who.isCityWide() || list.uploadedBy().equals(who.username());
	}

	/**
	 * The rejected rows with an extra column naming every problem, as CSV (UTF-8 with BOM, for spreadsheet programs)
	 * or XLSX: fix them and upload the file again.
	 */
	public byte[] correctionFile(long id, Jurisdiction who, TableWriter.Format format) {
		PushList list = get(id, who).list();
		byte[] content = files.content(id);
		if (content == null) {
			throw InvalidInput.of("file", messages.get("control.push.fileDeleted"));
		}
		Map<Integer, String> problems = new TreeMap<>();
		rejections(id).forEach(r -> problems.merge(r.row(), r.field() + ": " + r.message(), (a, b) -> a + "；" + b));
		try {
			return CorrectionFile.of(TableFile.read(list.filename(), content, uploads.limits()), problems,
					messages.get("control.push.errorColumn"), format);
		}
		catch (TableFile.Unreadable ex) {
			throw InvalidInput.of("file", ex.describe(messages));
		}
	}

	/**
	 * Whether the uploaded file of a list is still kept (it is deleted after the retention period).
	 * @param until when it will be deleted, or when it was
	 */
	public record StoredFile(boolean kept, Instant until) {
	}

	/** Whether the uploaded file of a list visible to the caller is still kept, and until when. */
	public StoredFile storedFile(PushList list) {
		return files.stored(list);
	}

	// ---- row validation

	private record Valid(int row, String name, IdDocument document, @Nullable String phone, @Nullable String address,
			Category category, @Nullable String source, Instant pushedAt, @Nullable LocalDate lastExposure,
			@Nullable IdDocument linked, @Nullable String unit) {
	}

	private @Nullable Valid validate(TableFile.Row row, Map<String, Integer> columns, Category listCategory,
			@Nullable String listSource, Instant uploadedAt, Map<Integer, List<PushList.Rejection>> rejections) {
		int n = row.number();
		int before = rejections.containsKey(n) ? rejections.get(n).size() : 0;
		LocalDate today = LocalDate.now(clock);
		// a control character (a NUL from a broken export) refuses its field, and so its row, never the list
		for (String field : columns.keySet()) {
			FieldProblem problem = ControlCharacters.problem(field, cell(row, columns, field), messages);
			if (problem != null) {
				reject(rejections, n, field, problem.message());
			}
		}
		String name = cell(row, columns, "name");
		if (name.isEmpty()) {
			reject(rejections, n, "name", messages.get("control.push.name.required"));
		}
		else if (name.indexOf('\uFFFD') >= 0) {
			reject(rejections, n, "name", messages.get("control.push.encoding"));
		}
		else if (name.length() > 50) {
			reject(rejections, n, "name", messages.get("person.name.invalid"));
		}
		String idText = cell(row, columns, "idNumber");
		IdType idType = parseIdType(cell(row, columns, "idType"));
		IdDocument document = null;
		if (SCIENTIFIC.matcher(idText).matches()) {
			reject(rejections, n, "idNumber", messages.get("control.push.idAsNumber"));
		}
		else if (idType == null) {
			reject(rejections, n, "idType", messages.get("control.push.idType"));
		}
		else {
			IdDocument.Parsed parsed = IdDocument.parse(idType, idText, today, "idNumber", messages);
			if (parsed.problem() != null) {
				reject(rejections, n, "idNumber", parsed.problem().message());
			}
			document = parsed.document();
		}
		String phone = null;
		String phoneText = cell(row, columns, "phone");
		if (!phoneText.isEmpty()) {
			PhoneNumber.Parsed parsed = PhoneNumber.parse(phoneText);
			if (parsed.phone() == null) {
				reject(rejections, n, "phone", messages.get("validation.phone.format"));
			}
			else {
				phone = parsed.phone().value();
			}
		}
		Category category = listCategory;
		String categoryText = cell(row, columns, "category");
		if (!categoryText.isEmpty()) {
			category = Category.parse(categoryText);
			if (category == null) {
				reject(rejections, n, "category", messages.get("control.push.category"));
			}
		}
		Instant pushedAt = uploadedAt;
		String pushedText = cell(row, columns, "pushedAt");
		if (!pushedText.isEmpty()) {
			Instant parsed = parseInstant(pushedText);
			if (parsed == null) {
				reject(rejections, n, "pushedAt", messages.get("control.push.dateTime"));
			}
			else if (parsed.isAfter(clock.instant().plusSeconds(300))) {
				reject(rejections, n, "pushedAt", messages.get("control.push.future"));
			}
			else {
				pushedAt = parsed;
			}
		}
		LocalDate exposure = null;
		String exposureText = cell(row, columns, "lastExposure");
		if (!exposureText.isEmpty()) {
			Instant parsed = parseInstant(exposureText);
			if (parsed == null) {
				reject(rejections, n, "lastExposure", messages.get("control.push.dateTime"));
			}
			else {
				exposure = LocalDate.ofInstant(parsed, clock.getZone());
				if (exposure.isAfter(today)) {
					reject(rejections, n, "lastExposure", messages.get("control.lastExposure.future"));
				}
			}
		}
		IdDocument linked = null;
		String linkedText = cell(row, columns, "linkedIdNumber");
		if (!linkedText.isEmpty()) {
			IdDocument.Parsed parsed = IdDocument.parse(IdType.RESIDENT_ID, linkedText, today, "linkedIdNumber", messages);
			if (parsed.problem() != null) {
				reject(rejections, n, "linkedIdNumber", parsed.problem().message());
			}
			linked = parsed.document();
		}
		String address = cell(row, columns, "address");
		String source = cell(row, columns, "source");
		String unit = cell(row, columns, "unit");
		int after = rejections.containsKey(n) ? rejections.get(n).size() : 0;
		if (after > before || document == null || category == null) {
			return null;
		}
		return new Valid(n, name, document, phone, address.isEmpty() ? null : truncate(address, 200), category,
				source.isEmpty() ? listSource : source, pushedAt, exposure, linked,
				unit.isEmpty() ? null : truncate(unit, 100));
	}

	/** Records the first problem of a field in a row; later ones of the same field follow from it and are left out. */
	private static void reject(Map<Integer, List<PushList.Rejection>> rejections, int row, String field, String message) {
		List<PushList.Rejection> ofRow = rejections.computeIfAbsent(row, k -> new ArrayList<>());
		if (ofRow.stream().noneMatch(r -> r.field().equals(field))) {
			ofRow.add(new PushList.Rejection(row, field, message));
		}
	}

	private static String cell(TableFile.Row row, Map<String, Integer> columns, String field) {
		Integer column = columns.get(field);
		return column == null ? "" : row.cell(column);
	}

	private static @Nullable IdType parseIdType(String text) {
		if (text.isEmpty() || text.equals("身份证") || text.equals("居民身份证")) {
			return IdType.RESIDENT_ID;
		}
		if (text.equals("护照")) {
			return IdType.PASSPORT;
		}
		if (text.contains("港澳")) {
			return IdType.HK_MACAO_PERMIT;
		}
		if (text.contains("台湾") || text.contains("台胞")) {
			return IdType.TAIWAN_PERMIT;
		}
		if (text.contains("外国人")) {
			return IdType.FOREIGNER_PERMANENT;
		}
		try {
			return IdType.valueOf(text.toUpperCase());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static final DateTimeFormatter[] LOCAL_DATE_TIMES = { DateTimeFormatter.ofPattern("yyyy-M-d H:mm[:ss]"),
			DateTimeFormatter.ofPattern("yyyy/M/d H:mm[:ss]"), DateTimeFormatter.ofPattern("yyyy-M-d'T'H:mm[:ss]") };

	private static final DateTimeFormatter[] LOCAL_DATES = { DateTimeFormatter.ofPattern("yyyy-M-d"),
			DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
			DateTimeFormatter.ofPattern("yyyy年M月d日") };

	/** Reads a time in the forms spreadsheets and systems write; times without an offset are in the city's zone. */
	@Nullable Instant parseInstant(String text) {
		String t = text.strip();
		try {
			return OffsetDateTime.parse(t).toInstant();
		}
		catch (DateTimeParseException ex) {
			// not ISO with offset: try local forms
		}
		for (DateTimeFormatter f : LOCAL_DATE_TIMES) {
			try {
				return LocalDateTime.parse(t, f).atZone(clock.getZone()).toInstant();
			}
			catch (DateTimeParseException ex) {
				// next form
			}
		}
		for (DateTimeFormatter f : LOCAL_DATES) {
			try {
				return LocalDate.parse(t, f).atStartOfDay(clock.getZone()).toInstant();
			}
			catch (DateTimeParseException ex) {
				// next form
			}
		}
		return null;
	}

	static byte[] sha256(byte[] content) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(content);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

}

-- 精密智控: protocols and category rules (editable configuration with national and Zhejiang presets), push-list
-- imports, risk persons, verification tasks with SLA clocks, schedules of checks and tests, health checks,
-- scan alerts, the timeline of every decision, and the violations found by the "no one unmanaged" detector.

CREATE TABLE control_protocol (
	id           varchar(40)  PRIMARY KEY,
	name         varchar(100) NOT NULL,
	basis        varchar(300),
	start_rule   varchar(20)  NOT NULL CHECK (start_rule IN ('LAST_EXPOSURE', 'LEFT_AREA', 'VERIFICATION')),
	stages       text         NOT NULL,
	release_rule varchar(40)  NOT NULL,
	escalate_to  varchar(40) REFERENCES control_protocol (id),
	built_in     boolean      NOT NULL DEFAULT false,
	updated_at   timestamptz  NOT NULL DEFAULT now(),
	updated_by   varchar(60)  NOT NULL DEFAULT 'system'
);

INSERT INTO control_protocol (id, name, basis, start_rule, stages, release_rule, escalate_to, built_in) VALUES
('v8_close_contact', '第八版 密接 14+7', '第八版防控方案 (2021-05): 集中隔离14天 + 居家健康监测7天; 解除前双采双检', 'LAST_EXPOSURE',
 '[{"kind":"CENTRAL_ISOLATION","days":14,"natDays":[1,4,7,14]},{"kind":"HOME_HEALTH_MONITORING","days":7,"natDays":[2,7]}]', 'ALL_TESTS_NEGATIVE', NULL, true),
('v8_secondary_contact', '第八版 次密接 7', '第八版: 集中隔离7天, 1/4/7天核酸; 相关密接前两次核酸阴性方可解除, 否则按密接管理至14天', 'VERIFICATION',
 '[{"kind":"CENTRAL_ISOLATION","days":7,"natDays":[1,4,7]}]', 'LINKED_FIRST_TWO_NEGATIVE', 'v8_close_contact', true),
('v8_inbound', '第八版 入境 14+7', '第八版: 入境人员同密接', 'LEFT_AREA',
 '[{"kind":"CENTRAL_ISOLATION","days":14,"natDays":[1,4,7,14]},{"kind":"HOME_HEALTH_MONITORING","days":7,"natDays":[2,7]}]', 'ALL_TESTS_NEGATIVE', NULL, true),
('v9_close_contact', '第九版 密接 7+3', '第九版防控方案 (2022-06-28): 集中隔离7天(1,2,3,5,7天核酸) + 居家健康监测3天(第3天核酸), 自末次接触起算', 'LAST_EXPOSURE',
 '[{"kind":"CENTRAL_ISOLATION","days":7,"natDays":[1,2,3,5,7]},{"kind":"HOME_HEALTH_MONITORING","days":3,"natDays":[3]}]', 'ALL_TESTS_NEGATIVE', NULL, true),
('v9_secondary_contact', '第九版 次密接 7', '第九版: 居家隔离7天, 1/4/7天核酸; 相关密接前两次核酸阴性方可解除, 否则升级为密接', 'VERIFICATION',
 '[{"kind":"HOME_ISOLATION","days":7,"natDays":[1,4,7]}]', 'LINKED_FIRST_TWO_NEGATIVE', 'v9_close_contact', true),
('v9_inbound', '第九版 入境 7+3', '第九版: 集中隔离7天 + 居家健康监测3天', 'LEFT_AREA',
 '[{"kind":"CENTRAL_ISOLATION","days":7,"natDays":[1,2,3,5,7]},{"kind":"HOME_HEALTH_MONITORING","days":3,"natDays":[3]}]', 'ALL_TESTS_NEGATIVE', NULL, true),
('v9_high_risk_area', '第九版 高风险区 7', '第九版: 7天内高风险区旅居史, 集中隔离7天, 自离开风险区起算', 'LEFT_AREA',
 '[{"kind":"CENTRAL_ISOLATION","days":7,"natDays":[1,2,3,5,7]}]', 'ALL_TESTS_NEGATIVE', NULL, true),
('v9_mid_risk_area', '第九版 中风险区 7', '第九版: 居家隔离7天(不具备条件的集中隔离), 1/4/7天核酸', 'LEFT_AREA',
 '[{"kind":"HOME_ISOLATION","days":7,"natDays":[1,4,7]}]', 'ALL_TESTS_NEGATIVE', NULL, true),
('v9_low_risk_area', '第九版 低风险区 三天两检', '第九版/浙江: 日常健康监测3天, 第1、3天核酸', 'LEFT_AREA',
 '[{"kind":"DAILY_HEALTH_MONITORING","days":3,"natDays":[1,3]}]', 'ALL_TESTS_NEGATIVE', NULL, true),
('zj_2022_14_7', '浙江 2022 14+7', '浙江 2022-01/03: 中高风险地区及所在乡镇(街道)、封控区', 'LEFT_AREA',
 '[{"kind":"CENTRAL_ISOLATION","days":14,"natDays":[1,2,3,4,7,14]},{"kind":"HOME_HEALTH_MONITORING","days":7,"natDays":[2,7]}]', 'ALL_TESTS_NEGATIVE', NULL, true),
('zj_2022_7_7', '浙江 2022 7+7', '浙江 2022-03: 部分次密接及特定场所', 'VERIFICATION',
 '[{"kind":"CENTRAL_ISOLATION","days":7,"natDays":[1,2,3,4,7]},{"kind":"HOME_HEALTH_MONITORING","days":7,"natDays":[7]}]', 'ALL_TESTS_NEGATIVE', NULL, true),
('zj_2022_3_11', '浙江 2022 3+11 管控区', '浙江 2022-03: 管控区, 3天居家观察 + 11天日常健康监测, 第1、3、14天核酸', 'VERIFICATION',
 '[{"kind":"HOME_ISOLATION","days":3,"natDays":[1,3]},{"kind":"DAILY_HEALTH_MONITORING","days":11,"natDays":[11]}]', 'ALL_TESTS_NEGATIVE', NULL, true),
('zj_2022_2_14', '浙江 2022 2+14', '浙江 2022-01: 县内其他区域, 查验48小时核酸阴性 + 14天日常健康监测', 'VERIFICATION',
 '[{"kind":"DAILY_HEALTH_MONITORING","days":14,"natDays":[]}]', 'ALL_TESTS_NEGATIVE', NULL, true),
('twenty_5_3', '二十条 密接 5+3', '“二十条” (2022-11): 集中隔离5天(1,2,3,5天核酸) + 居家隔离3天(1,3天核酸)', 'LAST_EXPOSURE',
 '[{"kind":"CENTRAL_ISOLATION","days":5,"natDays":[1,2,3,5]},{"kind":"HOME_ISOLATION","days":3,"natDays":[1,3]}]', 'ALL_TESTS_NEGATIVE', NULL, true),
('spacetime_companion', '时空伴随 三天两检', '时空伴随者: 3天内2次核酸(间隔24小时), 阴性前居家, 14天自我健康监测', 'VERIFICATION',
 '[{"kind":"SELF_MONITORING","days":14,"natDays":[1,2]}]', 'ALL_TESTS_NEGATIVE', NULL, true),
('general_contact', '一般接触者 14天自我监测', '一般接触者: 登记与健康告知, 1次核酸 + 14天自我健康监测 (常见做法)', 'VERIFICATION',
 '[{"kind":"SELF_MONITORING","days":14,"natDays":[1]}]', 'ALL_TESTS_NEGATIVE', NULL, true),
('high_risk_job', '风险职业 每日核酸', '第九版: 直接接触入境人员、物品、环境的人员, 在岗期间每日核酸', 'VERIFICATION',
 '[{"kind":"DAILY_HEALTH_MONITORING","days":7,"natDays":[1,2,3,4,5,6,7]}]', 'ALL_TESTS_NEGATIVE', NULL, true),
('sentinel_buyer', '哨点购药 24小时内核酸', '浙江哨点药店: 购买退热、止咳、抗病毒药品者24小时内核酸检测 (本平台默认)', 'VERIFICATION',
 '[{"kind":"SELF_MONITORING","days":3,"natDays":[1]}]', 'ALL_TESTS_NEGATIVE', NULL, true),
('pool_positive', '混采阳性 单采复核', '混采阳性: 单采单检复核, 结果出来前居家 (本平台默认)', 'VERIFICATION',
 '[{"kind":"HOME_HEALTH_MONITORING","days":2,"natDays":[1]}]', 'ALL_TESTS_NEGATIVE', NULL, true);

-- Per category: the default protocol, the SLA of the verification task (hours), and the status fact a pushed person
-- carries before the measure is applied. Defaults: rules §4.3 (acknowledge 1 h; on-site verification 2 h for close
-- and secondary contacts, 24 h for general lists; inbound transfer within 12 h).
CREATE TABLE control_category (
	category     varchar(40) PRIMARY KEY,
	protocol_id  varchar(40)  NOT NULL REFERENCES control_protocol (id),
	ack_hours    numeric(6,2) NOT NULL CHECK (ack_hours > 0),
	verify_hours numeric(6,2) NOT NULL CHECK (verify_hours > 0),
	pending_fact varchar(40),
	updated_at   timestamptz  NOT NULL DEFAULT now(),
	updated_by   varchar(60)  NOT NULL DEFAULT 'system'
);
INSERT INTO control_category (category, protocol_id, ack_hours, verify_hours, pending_fact) VALUES
('CLOSE_CONTACT', 'v9_close_contact', 1, 2, 'CLOSE_CONTACT'),
('SECONDARY_CONTACT', 'v9_secondary_contact', 1, 2, 'SECONDARY_CONTACT'),
('GENERAL_CONTACT', 'general_contact', 2, 24, NULL),
('SPACETIME_COMPANION', 'spacetime_companion', 2, 24, 'SPACETIME_COMPANION'),
('INBOUND', 'v9_inbound', 1, 12, NULL),
('HIGH_RISK_AREA_TRAVELER', 'v9_high_risk_area', 1, 2, 'HIGH_RISK_AREA'),
('MID_RISK_AREA_TRAVELER', 'v9_mid_risk_area', 2, 12, 'MID_RISK_AREA'),
('LOW_RISK_AREA_TRAVELER', 'v9_low_risk_area', 2, 24, 'LOW_RISK_AREA'),
('HIGH_RISK_JOB', 'high_risk_job', 4, 24, NULL),
('SENTINEL_BUYER', 'sentinel_buyer', 2, 24, NULL),
('POOL_POSITIVE', 'pool_positive', 1, 2, NULL);

CREATE TABLE control_push_list (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	filename       varchar(200) NOT NULL,
	category       varchar(40)  NOT NULL REFERENCES control_category (category),
	source         varchar(100),
	content        bytea        NOT NULL,
	content_sha256 bytea        NOT NULL,
	state          varchar(10)  NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
	total          int          NOT NULL DEFAULT 0,
	processed      int          NOT NULL DEFAULT 0,
	accepted       int          NOT NULL DEFAULT 0,
	rejected       int          NOT NULL DEFAULT 0,
	created        int          NOT NULL DEFAULT 0,
	existing       int          NOT NULL DEFAULT 0,
	queued         int          NOT NULL DEFAULT 0,
	transferred    int          NOT NULL DEFAULT 0,
	failure        text,
	encoding_note  varchar(40),
	uploaded_by    varchar(60)  NOT NULL,
	uploaded_at    timestamptz  NOT NULL,
	finished_at    timestamptz
);

CREATE TABLE control_push_rejection (
	list_id bigint      NOT NULL REFERENCES control_push_list (id) ON DELETE CASCADE,
	row_no  int         NOT NULL,
	field   varchar(40) NOT NULL,
	message text        NOT NULL,
	PRIMARY KEY (list_id, row_no, field)
);

CREATE TABLE control_risk_person (
	id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	person_id        bigint      NOT NULL,
	category         varchar(40) NOT NULL REFERENCES control_category (category),
	state            varchar(20) NOT NULL CHECK (state IN ('PENDING', 'CONTROLLED', 'READY_FOR_RELEASE', 'RELEASED',
		'NOT_FOUND', 'TRANSFERRED_OUT', 'CASE')),
	region_code      varchar(15) COLLATE "C" NOT NULL,
	placement        varchar(10) NOT NULL CHECK (placement IN ('GRID', 'QUEUE', 'OUTSIDE')),
	placement_note   varchar(200),
	source           varchar(100),
	push_list_id     bigint REFERENCES control_push_list (id),
	linked_person_id bigint,
	last_exposure    date,
	pushed_at        timestamptz NOT NULL,
	protocol_id      varchar(40) REFERENCES control_protocol (id),
	plan_start       date,
	plan_end         date,
	measure          varchar(30),
	controlled_at    timestamptz,
	ended_at         timestamptz,
	ended_by         varchar(60),
	end_note         varchar(300),
	self_token_hash  bytea UNIQUE,
	created_at       timestamptz NOT NULL,
	updated_at       timestamptz NOT NULL
);
-- nobody is under two active controls at once: a second push updates the first
CREATE UNIQUE INDEX control_risk_person_active_idx ON control_risk_person (person_id)
	WHERE state IN ('PENDING', 'CONTROLLED', 'READY_FOR_RELEASE');
CREATE INDEX control_risk_person_region_idx ON control_risk_person (region_code, state);
CREATE INDEX control_risk_person_linked_idx ON control_risk_person (linked_person_id) WHERE linked_person_id IS NOT NULL;

CREATE TABLE control_task (
	id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	risk_person_id   bigint      NOT NULL REFERENCES control_risk_person (id),
	kind             varchar(12) NOT NULL CHECK (kind IN ('VERIFY', 'RELEASE')),
	region_code      varchar(15) COLLATE "C" NOT NULL,
	state            varchar(10) NOT NULL CHECK (state IN ('OPEN', 'ACCEPTED', 'DONE', 'CANCELLED')),
	created_at       timestamptz NOT NULL,
	ack_due_at       timestamptz NOT NULL,
	due_at           timestamptz NOT NULL,
	accepted_at      timestamptz,
	accepted_by      varchar(60),
	completed_at     timestamptz,
	completed_by     varchar(60),
	outcome          varchar(20),
	found            boolean,
	phone_confirmed  boolean,
	measure          varchar(30),
	note             varchar(500),
	escalation_level int         NOT NULL DEFAULT 0,
	escalated_at     timestamptz
);
CREATE INDEX control_task_region_idx ON control_task (region_code, state, due_at);
CREATE INDEX control_task_open_idx ON control_task (due_at) WHERE state IN ('OPEN', 'ACCEPTED');
CREATE INDEX control_task_person_idx ON control_task (risk_person_id);

-- the stages of each person's protocol on the calendar (day ranges inclusive)
CREATE TABLE control_stage (
	risk_person_id bigint      NOT NULL REFERENCES control_risk_person (id),
	stage_no       int         NOT NULL,
	kind           varchar(30) NOT NULL,
	from_day       date        NOT NULL,
	to_day         date        NOT NULL,
	PRIMARY KEY (risk_person_id, stage_no)
);
CREATE INDEX control_stage_day_idx ON control_stage (from_day, to_day);

CREATE TABLE control_schedule_item (
	risk_person_id bigint      NOT NULL REFERENCES control_risk_person (id),
	day            date        NOT NULL,
	slot           varchar(4)  NOT NULL CHECK (slot IN ('AM', 'PM', 'TEST')),
	stage_no       int         NOT NULL,
	due_at         timestamptz NOT NULL,
	done_at        timestamptz,
	value          varchar(100),
	PRIMARY KEY (risk_person_id, day, slot)
);
CREATE INDEX control_schedule_open_idx ON control_schedule_item (due_at) WHERE done_at IS NULL;

CREATE TABLE control_health_check (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	risk_person_id bigint       NOT NULL REFERENCES control_risk_person (id),
	day            date         NOT NULL,
	slot           varchar(2)   NOT NULL CHECK (slot IN ('AM', 'PM')),
	temperature    numeric(3,1) NOT NULL,
	symptoms       varchar(200),
	via            varchar(10)  NOT NULL CHECK (via IN ('WORKER', 'SELF')),
	recorded_by    varchar(60)  NOT NULL,
	recorded_at    timestamptz  NOT NULL
);
CREATE INDEX control_health_check_person_idx ON control_health_check (risk_person_id, day);

CREATE TABLE control_scan_alert (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	risk_person_id bigint       NOT NULL REFERENCES control_risk_person (id),
	venue_id       bigint       NOT NULL,
	venue_name     varchar(200) NOT NULL,
	at             timestamptz  NOT NULL,
	colour         varchar(6)   NOT NULL
);
CREATE INDEX control_scan_alert_person_idx ON control_scan_alert (risk_person_id, at DESC);

CREATE TABLE control_timeline (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	risk_person_id bigint      NOT NULL REFERENCES control_risk_person (id),
	at             timestamptz NOT NULL,
	kind           varchar(30) NOT NULL,
	actor          varchar(60) NOT NULL,
	-- the explanation as a message key and its arguments (JSON array), shown in the reader's language;
	-- arguments beginning with '#' are message keys themselves
	detail_key     varchar(80),
	detail_args    text
);
CREATE INDEX control_timeline_person_idx ON control_timeline (risk_person_id, at);

CREATE TABLE control_violation (
	id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	risk_person_id   bigint      NOT NULL REFERENCES control_risk_person (id),
	kind             varchar(30) NOT NULL,
	ref              varchar(60) NOT NULL DEFAULT '',
	region_code      varchar(15) COLLATE "C" NOT NULL,
	since            timestamptz NOT NULL,
	detail           varchar(300),
	found_at         timestamptz NOT NULL,
	escalation_level int         NOT NULL DEFAULT 0,
	escalated_at     timestamptz,
	resolved_at      timestamptz
);
CREATE UNIQUE INDEX control_violation_open_idx ON control_violation (risk_person_id, kind, ref) WHERE resolved_at IS NULL;
CREATE INDEX control_violation_region_idx ON control_violation (region_code) WHERE resolved_at IS NULL;

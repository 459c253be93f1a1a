-- The sample catalog's projection (spring.sql.init); the event bus creates eventbus_inbox itself.
CREATE TABLE IF NOT EXISTS course_enrollment (
	course_key VARCHAR(255) NOT NULL,
	username VARCHAR(150) NOT NULL,
	email VARCHAR(254) NOT NULL,
	mode VARCHAR(100) NOT NULL,
	enrolled_at VARCHAR(64) NOT NULL,
	PRIMARY KEY (course_key, username)
);
CREATE TABLE IF NOT EXISTS course_catalog_info (
	course_key VARCHAR(255) PRIMARY KEY,
	name VARCHAR(255) NOT NULL,
	course_start VARCHAR(64) NOT NULL,
	course_end VARCHAR(64),
	pacing VARCHAR(32) NOT NULL,
	hidden BOOLEAN NOT NULL,
	invitation_only BOOLEAN NOT NULL,
	changed_at VARCHAR(64) NOT NULL
);

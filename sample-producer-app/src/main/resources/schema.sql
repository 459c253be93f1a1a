-- The sample LMS's own table (spring.sql.init); the event bus creates eventbus_outbox itself.
CREATE TABLE IF NOT EXISTS enrollment (
	event_id VARCHAR(36) PRIMARY KEY,
	username VARCHAR(150) NOT NULL,
	course_key VARCHAR(255) NOT NULL,
	mode VARCHAR(100) NOT NULL,
	created_at VARCHAR(64) NOT NULL
);

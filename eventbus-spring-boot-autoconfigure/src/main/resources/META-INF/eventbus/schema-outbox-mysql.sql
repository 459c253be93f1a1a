-- Transactional outbox of the Open edX event bus (eventbus.producer.outbox.enabled), MySQL 8 and MariaDB 10.3+.
-- One row per event and destination; times are epoch milliseconds. Safe to run again.
CREATE TABLE IF NOT EXISTS eventbus_outbox (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	event_id VARCHAR(36) NOT NULL,
	event_type VARCHAR(255) NOT NULL,
	destination VARCHAR(255) NOT NULL,
	event_key_field VARCHAR(255),
	event_source VARCHAR(255) NOT NULL,
	event_source_host VARCHAR(255) NOT NULL,
	event_source_lib VARCHAR(64) NOT NULL,
	event_time VARCHAR(64) NOT NULL,
	minor_version INT NOT NULL,
	schema_fingerprint BIGINT NOT NULL,
	event_data LONGBLOB NOT NULL,
	status VARCHAR(16) NOT NULL,
	attempts INT NOT NULL,
	published_at BIGINT NOT NULL,
	last_attempt_at BIGINT,
	sent_at BIGINT,
	last_error VARCHAR(1000),
	INDEX eventbus_outbox_status_id (status, id)
) ENGINE = InnoDB;

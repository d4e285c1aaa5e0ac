CREATE TABLE `idempotency_keys` (
	`scope` varbinary(100) NOT NULL,
	`idempotency_key` varbinary(255) NOT NULL,
	`fingerprint` char(64) NOT NULL,
	`status` smallint unsigned,
	`content_type` varchar(100),
	`body` longtext,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `idempotency_keys_scope_idempotency_key_pk` PRIMARY KEY(`scope`,`idempotency_key`)
);
--> statement-breakpoint
CREATE INDEX `idempotency_keys_created_at` ON `idempotency_keys` (`created_at`);
CREATE TABLE `order_facts` (
	`order_id` bigint unsigned NOT NULL,
	`user_id` bigint unsigned,
	`order_no` varchar(64),
	`amount` bigint,
	`placed_at` datetime(3),
	`reserved_at` datetime(3),
	`cancelled_at` datetime(3),
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `order_facts_order_id` PRIMARY KEY(`order_id`)
);
--> statement-breakpoint
CREATE TABLE `payments` (
	`payment_id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`order_id` bigint unsigned NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`order_no` varchar(64) NOT NULL,
	`amount` bigint NOT NULL,
	`refunded_amount` bigint NOT NULL DEFAULT 0,
	`currency` varchar(3) NOT NULL DEFAULT 'KRW',
	`status` varchar(24) NOT NULL,
	`failure_reason` varchar(40),
	`expires_at` datetime(3) NOT NULL,
	`payment_key` varchar(200),
	`approved_at` datetime(3),
	`pg_transaction_key` varchar(200),
	`cancel_requested` boolean NOT NULL DEFAULT false,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `payments_payment_id` PRIMARY KEY(`payment_id`),
	CONSTRAINT `payments_order_id_unique` UNIQUE(`order_id`)
);
--> statement-breakpoint
CREATE TABLE `pg_transactions` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`payment_id` bigint unsigned NOT NULL,
	`type` varchar(16) NOT NULL,
	`status` varchar(16) NOT NULL,
	`amount` bigint NOT NULL,
	`idempotency_key` varchar(64) NOT NULL,
	`payment_key` varchar(200) NOT NULL,
	`pg_transaction_key` varchar(200),
	`pg_error_code` varchar(100),
	`refund_id` bigint unsigned,
	`request_scope` varbinary(100),
	`request_key` varbinary(255),
	`causation_id` varchar(64) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`occurred_at` datetime(3),
	CONSTRAINT `pg_transactions_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `refunds` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`payment_id` bigint unsigned NOT NULL,
	`order_id` bigint unsigned NOT NULL,
	`source_key` varchar(255) NOT NULL,
	`reason` varchar(24) NOT NULL,
	`amount` bigint NOT NULL,
	`refunded_item_ids` json,
	`idempotency_key` varchar(64) NOT NULL,
	`status` varchar(16) NOT NULL,
	`attempts` int NOT NULL DEFAULT 0,
	`next_attempt_at` datetime(3) NOT NULL,
	`last_error_code` varchar(100),
	`causation_id` varchar(64) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`done_at` datetime(3),
	CONSTRAINT `refunds_id` PRIMARY KEY(`id`),
	CONSTRAINT `refunds_source_key_unique` UNIQUE(`source_key`)
);
--> statement-breakpoint
CREATE INDEX `payments_status_expires` ON `payments` (`status`,`expires_at`);--> statement-breakpoint
CREATE INDEX `pg_transactions_payment` ON `pg_transactions` (`payment_id`,`type`,`status`);--> statement-breakpoint
CREATE INDEX `pg_transactions_pending` ON `pg_transactions` (`type`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `refunds_due` ON `refunds` (`status`,`next_attempt_at`);
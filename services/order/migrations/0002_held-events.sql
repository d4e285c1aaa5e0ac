CREATE TABLE `held_events` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`order_id` bigint unsigned NOT NULL,
	`event_id` varchar(64) NOT NULL,
	`signal` varchar(40) NOT NULL,
	`input` json NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `held_events_id` PRIMARY KEY(`id`),
	CONSTRAINT `held_events_event_id_unique` UNIQUE(`event_id`)
);
--> statement-breakpoint
CREATE INDEX `held_events_order_idx` ON `held_events` (`order_id`,`id`);
ALTER TABLE `outbox` ADD `correlation_id` varchar(255);--> statement-breakpoint
ALTER TABLE `parked_events` ADD `correlation_id` varchar(255);--> statement-breakpoint
ALTER TABLE `processed_events` ADD `correlation_id` varchar(255);--> statement-breakpoint
CREATE INDEX `outbox_correlation_id` ON `outbox` (`correlation_id`);--> statement-breakpoint
CREATE INDEX `parked_events_correlation_id` ON `parked_events` (`correlation_id`);--> statement-breakpoint
CREATE INDEX `processed_events_correlation_id` ON `processed_events` (`correlation_id`);
ALTER TABLE `order_status_history` ADD `actor_id` bigint unsigned;--> statement-breakpoint
ALTER TABLE `order_status_history` ADD `note` varchar(500);--> statement-breakpoint
ALTER TABLE `orders` ADD `attention_reason` varchar(100);--> statement-breakpoint
ALTER TABLE `orders` ADD `attention_since` datetime(3);--> statement-breakpoint
CREATE INDEX `orders_status_idx` ON `orders` (`status`,`id`);
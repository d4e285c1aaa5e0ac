CREATE TABLE `brands` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`name` varchar(100) NOT NULL,
	`logo_image_url` varchar(500),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	`deleted_at` datetime(3),
	CONSTRAINT `brands_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `categories` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`name` varchar(100) NOT NULL,
	`code` varchar(50) NOT NULL,
	`parent_id` bigint unsigned,
	`parent_key` bigint unsigned NOT NULL,
	`path` varchar(255) NOT NULL,
	`depth` int NOT NULL,
	`ordering` int NOT NULL DEFAULT 0,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `categories_id` PRIMARY KEY(`id`),
	CONSTRAINT `categories_code` UNIQUE(`code`),
	CONSTRAINT `categories_sibling_name` UNIQUE(`parent_key`,`name`)
);
--> statement-breakpoint
CREATE TABLE `category_attributes` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`category_id` bigint unsigned NOT NULL,
	`name` varchar(100) NOT NULL,
	`type` varchar(10) NOT NULL,
	`required` boolean NOT NULL DEFAULT false,
	`options` json,
	`ordering` int NOT NULL DEFAULT 0,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `category_attributes_id` PRIMARY KEY(`id`),
	CONSTRAINT `category_attributes_name` UNIQUE(`category_id`,`name`)
);
--> statement-breakpoint
CREATE TABLE `discount_policies` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`product_id` bigint unsigned NOT NULL,
	`name` varchar(100) NOT NULL,
	`discount_type` varchar(10) NOT NULL,
	`discount_value` bigint NOT NULL,
	`start_at` datetime(3),
	`end_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`deleted_at` datetime(3),
	CONSTRAINT `discount_policies_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
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
CREATE TABLE `job_leases` (
	`name` varchar(100) NOT NULL,
	`owner` varchar(100),
	`lease_until` datetime(3) NOT NULL,
	`last_started_at` datetime(3),
	`last_finished_at` datetime(3),
	`last_outcome` varchar(16),
	CONSTRAINT `job_leases_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `product_option_groups` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`product_id` bigint unsigned NOT NULL,
	`name` varchar(100) NOT NULL,
	`ordering` int NOT NULL DEFAULT 0,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `product_option_groups_id` PRIMARY KEY(`id`),
	CONSTRAINT `option_groups_product_name` UNIQUE(`product_id`,`name`)
);
--> statement-breakpoint
CREATE TABLE `product_options` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`option_group_id` bigint unsigned NOT NULL,
	`product_id` bigint unsigned NOT NULL,
	`name` varchar(100) NOT NULL,
	`additional_price` bigint NOT NULL DEFAULT 0,
	`ordering` int NOT NULL DEFAULT 0,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `product_options_id` PRIMARY KEY(`id`),
	CONSTRAINT `options_group_name` UNIQUE(`option_group_id`,`name`)
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` char(36) NOT NULL,
	`aggregate_type` varchar(64) NOT NULL,
	`aggregate_id` varchar(255) NOT NULL,
	`type` varchar(255) NOT NULL,
	`payload` longtext NOT NULL,
	`created_at` datetime(6) NOT NULL,
	CONSTRAINT `outbox_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `pricing_clock` (
	`id` int NOT NULL,
	`checked_until` datetime(3) NOT NULL,
	CONSTRAINT `pricing_clock_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `processed_events` (
	`consumer` varchar(100) NOT NULL,
	`event_id` varchar(64) NOT NULL,
	`event_type` varchar(255) NOT NULL,
	`processed_at` datetime(3) NOT NULL,
	CONSTRAINT `processed_events_consumer_event_id_pk` PRIMARY KEY(`consumer`,`event_id`)
);
--> statement-breakpoint
CREATE TABLE `product_attribute_values` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`product_id` bigint unsigned NOT NULL,
	`attribute_id` bigint unsigned NOT NULL,
	`value` varchar(500) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `product_attribute_values_id` PRIMARY KEY(`id`),
	CONSTRAINT `attribute_values_product_attribute` UNIQUE(`product_id`,`attribute_id`)
);
--> statement-breakpoint
CREATE TABLE `products` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`product_code` varchar(50) NOT NULL,
	`name` varchar(200) NOT NULL,
	`description` text,
	`price` bigint NOT NULL,
	`selling_price` bigint NOT NULL,
	`discount_rate` int NOT NULL DEFAULT 0,
	`status` varchar(20) NOT NULL,
	`category_id` bigint unsigned,
	`brand_id` bigint unsigned,
	`thumbnail_image_url` varchar(500),
	`average_rating` double NOT NULL DEFAULT 0,
	`review_count` int NOT NULL DEFAULT 0,
	`view_count` bigint NOT NULL DEFAULT 0,
	`sales_count` bigint NOT NULL DEFAULT 0,
	`like_count` bigint NOT NULL DEFAULT 0,
	`available` boolean NOT NULL DEFAULT false,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `products_id` PRIMARY KEY(`id`),
	CONSTRAINT `products_code` UNIQUE(`product_code`)
);
--> statement-breakpoint
CREATE TABLE `promotions` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`product_id` bigint unsigned NOT NULL,
	`discount_price` bigint NOT NULL,
	`start_at` datetime(3) NOT NULL,
	`end_at` datetime(3) NOT NULL,
	`type` varchar(20) NOT NULL,
	`priority` int NOT NULL DEFAULT 0,
	`description` varchar(500),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `promotions_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `product_skus` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`sku_code` varchar(150) NOT NULL,
	`product_id` bigint unsigned NOT NULL,
	`price` bigint NOT NULL,
	`selling_price` bigint NOT NULL,
	`option_values` json NOT NULL,
	`option_key` varchar(700) NOT NULL,
	`status` varchar(20) NOT NULL,
	`available` boolean NOT NULL DEFAULT false,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `product_skus_id` PRIMARY KEY(`id`),
	CONSTRAINT `skus_code` UNIQUE(`sku_code`),
	CONSTRAINT `skus_product_options` UNIQUE(`product_id`,`option_key`)
);
--> statement-breakpoint
CREATE INDEX `categories_path` ON `categories` (`path`);--> statement-breakpoint
CREATE INDEX `discount_policies_product` ON `discount_policies` (`product_id`);--> statement-breakpoint
CREATE INDEX `discount_policies_start` ON `discount_policies` (`start_at`);--> statement-breakpoint
CREATE INDEX `discount_policies_end` ON `discount_policies` (`end_at`);--> statement-breakpoint
CREATE INDEX `idempotency_keys_created_at` ON `idempotency_keys` (`created_at`);--> statement-breakpoint
CREATE INDEX `options_product` ON `product_options` (`product_id`);--> statement-breakpoint
CREATE INDEX `outbox_created_at` ON `outbox` (`created_at`);--> statement-breakpoint
CREATE INDEX `processed_events_processed_at` ON `processed_events` (`processed_at`);--> statement-breakpoint
CREATE INDEX `attribute_values_attribute_value` ON `product_attribute_values` (`attribute_id`,`value`);--> statement-breakpoint
CREATE INDEX `products_status_created` ON `products` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `products_status_category` ON `products` (`status`,`category_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `products_status_brand` ON `products` (`status`,`brand_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `products_status_selling_price` ON `products` (`status`,`selling_price`);--> statement-breakpoint
CREATE INDEX `products_status_sales` ON `products` (`status`,`sales_count`);--> statement-breakpoint
CREATE INDEX `promotions_product_window` ON `promotions` (`product_id`,`start_at`,`end_at`);--> statement-breakpoint
CREATE INDEX `promotions_start` ON `promotions` (`start_at`);--> statement-breakpoint
CREATE INDEX `promotions_end` ON `promotions` (`end_at`);
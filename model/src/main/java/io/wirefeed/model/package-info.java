/** The canonical wirefeed records and their JSON contract; no Kafka, no HTTP. */
package io.wirefeed.model;

/** Kafka deserializers for the wirefeed records (kafka-clients is an optional dependency). */
package io.wirefeed.model.kafka;

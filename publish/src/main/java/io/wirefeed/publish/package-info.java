/**
 * wirefeed on Kafka: typed topic definitions, JSON serdes, the raw-document publisher, the exactly-once
 * normalize loop and topic administration. Nothing here knows about feeds or extraction.
 */
package io.wirefeed.publish;

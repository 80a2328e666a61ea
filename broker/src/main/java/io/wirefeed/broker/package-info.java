/** An in-process Kafka broker for the one-process mode and for tests; nothing here knows about wirefeed records. */
package io.wirefeed.broker;

/**
 * Span export health: counts what the exporter sent, lost and dropped, tells the operator once when
 * export starts failing and once when it recovers, and publishes the counters over JMX and as
 * OpenTelemetry metrics. Nothing here runs on the application's threads.
 */
package dev.vireo.tooling.exporter;

/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Strict W3C Trace Context Level 2 ({@link
 * dev.vireo.tooling.propagation.StrictTraceContextPropagator}) and W3C Baggage ({@link
 * dev.vireo.tooling.propagation.StrictBaggagePropagator}) propagators, and {@link
 * dev.vireo.tooling.propagation.StrictPropagators} to put them in place of the SDK's
 * {@code tracecontext} and {@code baggage}. Depends on the OpenTelemetry API/SDK only.
 */
package dev.vireo.tooling.propagation;

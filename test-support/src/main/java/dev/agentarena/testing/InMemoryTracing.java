package dev.agentarena.testing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * In tests, spans go to memory instead of OTLP: Quarkus uses a SpanExporter bean in place of its OTLP exporter.
 * A bean of every service's tests (this jar carries a beans.xml so that Quarkus indexes it); spans exist only where
 * the test profile switches the OpenTelemetry SDK on.
 */
public class InMemoryTracing {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}

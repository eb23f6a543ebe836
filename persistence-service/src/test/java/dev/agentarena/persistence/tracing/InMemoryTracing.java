package dev.agentarena.persistence.tracing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** In tests, spans go to memory instead of OTLP: Quarkus uses a SpanExporter bean in place of its OTLP exporter. */
public class InMemoryTracing {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}

package dev.agentarena.testing;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The W3C trace context a Kafka record carries in its {@code traceparent} header. */
public final class TraceContext {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

    private TraceContext() {
    }

    /** The trace id of {@code record}'s traceparent header; fails the test when there is none. */
    public static String traceIdOf(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("traceparent");
        if (header == null) {
            throw new AssertionError("record " + record.key() + " on " + record.topic() + " carries no traceparent header");
        }
        String value = new String(header.value(), StandardCharsets.UTF_8);
        Matcher matcher = TRACEPARENT.matcher(value);
        if (!matcher.matches()) {
            throw new AssertionError("not a W3C traceparent: " + value);
        }
        return matcher.group(1);
    }

    /** A traceparent header value continuing {@code traceId} from a new, sampled parent span. */
    public static String childOf(String traceId, String spanId) {
        return "00-" + traceId + "-" + spanId + "-01";
    }
}

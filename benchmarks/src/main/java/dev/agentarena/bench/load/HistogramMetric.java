package dev.agentarena.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one timer histogram (one metric, one series picked by a tag) from a service's Prometheus endpoint; two
 * readings give the count and the percentiles of the interval between them, from the histogram's buckets (linear
 * within a bucket).
 */
final class HistogramMetric {

    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI metrics;
    private final Pattern bucketLine;
    private final String tag;

    /** @param tag a {@code name="value"} the series' labels contain, or "" for the metric's only series */
    HistogramMetric(int port, String metric, String tag) {
        this.metrics = URI.create("http://127.0.0.1:" + port + "/q/metrics");
        // The count may be followed by an exemplar ("# {span_id=...} value timestamp").
        this.bucketLine = Pattern.compile("^" + Pattern.quote(metric + "_bucket") + "\\{([^}]*)}\\s+(\\S+)");
        this.tag = tag;
    }

    /** One world's tick times in the engine. */
    static HistogramMetric worldTicks(int enginePort, String world) {
        return new HistogramMetric(enginePort, "arena_engine_world_tick_seconds", "world=\"" + world + "\"");
    }

    /** Cumulative count per upper bound (seconds), +Inf last. */
    TreeMap<Double, Double> read() throws IOException, InterruptedException {
        String body = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (String line : body.split("\n")) {
            Matcher bucket = bucketLine.matcher(line);
            if (bucket.lookingAt() && bucket.group(1).contains(tag)) {
                Matcher le = LE.matcher(bucket.group(1));
                if (le.find()) {
                    double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                    buckets.put(bound, Double.parseDouble(bucket.group(2)));
                }
            }
        }
        return buckets;
    }

    /** Recorded values (ticks, for the world's tick timer) between two readings. */
    static double ticks(TreeMap<Double, Double> before, TreeMap<Double, Double> after) {
        return count(after) - count(before);
    }

    /** The value in ms at quantile {@code q} between two readings. */
    static double percentileMillis(TreeMap<Double, Double> before, TreeMap<Double, Double> after, double q) {
        double total = ticks(before, after);
        if (total <= 0) {
            return Double.NaN;
        }
        double target = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : after.entrySet()) {
            double cumulative = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
            if (cumulative >= target) {
                if (bucket.getKey().isInfinite()) {
                    return lowerBound * 1000;
                }
                double share = cumulative == lowerCount ? 1 : (target - lowerCount) / (cumulative - lowerCount);
                return (lowerBound + share * (bucket.getKey() - lowerBound)) * 1000;
            }
            lowerBound = bucket.getKey();
            lowerCount = cumulative;
        }
        return Double.NaN;
    }

    private static double count(TreeMap<Double, Double> buckets) {
        return buckets.isEmpty() ? 0 : buckets.lastEntry().getValue();
    }
}

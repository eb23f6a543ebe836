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
 * Reads one world's tick histogram ({@code arena_engine_world_tick_seconds}) from the engine's Prometheus
 * endpoint; two readings give the ticks and the tick-time percentiles of the interval between them, from the
 * histogram's buckets (linear within a bucket).
 */
final class EngineMetrics {

    private static final Pattern BUCKET = Pattern.compile(
            "^arena_engine_world_tick_seconds_bucket\\{(.*)}\\s+(\\S+)$");
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI metrics;
    private final String worldTag;

    EngineMetrics(int port, String world) {
        this.metrics = URI.create("http://127.0.0.1:" + port + "/q/metrics");
        this.worldTag = "world=\"" + world + "\"";
    }

    /** Cumulative count per upper bound (seconds), +Inf last. */
    TreeMap<Double, Double> read() throws IOException, InterruptedException {
        String body = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (String line : body.split("\n")) {
            Matcher bucket = BUCKET.matcher(line);
            if (bucket.matches() && bucket.group(1).contains(worldTag)) {
                Matcher le = LE.matcher(bucket.group(1));
                if (le.find()) {
                    double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                    buckets.put(bound, Double.parseDouble(bucket.group(2)));
                }
            }
        }
        return buckets;
    }

    /** Ticks between two readings. */
    static double ticks(TreeMap<Double, Double> before, TreeMap<Double, Double> after) {
        return count(after) - count(before);
    }

    /** The tick time in ms at quantile {@code q} between two readings. */
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

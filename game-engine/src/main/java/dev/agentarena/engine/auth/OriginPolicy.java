package dev.agentarena.engine.auth;

import dev.agentarena.engine.cluster.WorldDirectory;
import dev.agentarena.engine.config.EngineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which pages may open a WebSocket or a session on this engine, judged by the request's {@code Origin}: the
 * configured list ({@code arena.engine.allowed-origins}), or by default only the engines' own origins: this engine's
 * (the same host and port as the request's {@code Host}) and those of the other engines that are up (a page served
 * by one engine connects to another when its world runs there). A browser always sends {@code Origin} on these requests, so a page
 * on another site (or a file, whose origin is {@code null}) cannot drive a signed-in user's socket; a request
 * without {@code Origin} comes from no browser page and is allowed.
 */
@ApplicationScoped
public class OriginPolicy {

    private final Optional<List<String>> allowed;
    private final Supplier<List<String>> engines;

    @Inject
    public OriginPolicy(EngineConfig config, WorldDirectory directory) {
        this(config.allowedOrigins(), directory::engineUrls);
    }

    /** @param engines the public URLs of the engines that are up */
    OriginPolicy(Optional<List<String>> allowed, Supplier<List<String>> engines) {
        this.allowed = allowed.map(list -> list.stream().map(OriginPolicy::normalized).toList());
        this.engines = engines;
    }

    /** Whether a request with these {@code Origin} and {@code Host} headers (either may be null) is let through. */
    public boolean allows(String origin, String host) {
        if (origin == null) {
            return true;
        }
        Optional<URI> parsed = httpOrigin(origin);
        if (parsed.isEmpty()) {
            return false;
        }
        if (allowed.isPresent()) {
            return allowed.get().contains(normalized(origin));
        }
        boolean own = host != null && authority(parsed.get()).equals(withoutDefaultPort(host.toLowerCase(Locale.ROOT),
                parsed.get().getScheme()));
        return own || engines.get().stream().map(OriginPolicy::normalized).anyMatch(normalized(origin)::equals);
    }

    /** An {@code http(s)://host[:port]} origin, or empty for anything else ({@code null}, {@code file://}, junk). */
    private static Optional<URI> httpOrigin(String origin) {
        try {
            URI uri = new URI(origin.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            return web && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@code host[:port]} of an origin, lower case, without its scheme's default port. */
    private static String authority(URI origin) {
        String host = origin.getHost().toLowerCase(Locale.ROOT);
        return withoutDefaultPort(origin.getPort() < 0 ? host : host + ":" + origin.getPort(),
                origin.getScheme().toLowerCase(Locale.ROOT));
    }

    private static String withoutDefaultPort(String authority, String scheme) {
        String defaultPort = scheme.equalsIgnoreCase("https") ? ":443" : ":80";
        return authority.endsWith(defaultPort) ? authority.substring(0, authority.length() - defaultPort.length()) : authority;
    }

    /** {@code scheme://host[:port]} as a browser sends it, so that a configured entry matches whatever its case or slash. */
    private static String normalized(String origin) {
        return httpOrigin(origin).map(uri -> uri.getScheme().toLowerCase(Locale.ROOT) + "://" + authority(uri))
                .orElse(origin.strip().toLowerCase(Locale.ROOT));
    }
}

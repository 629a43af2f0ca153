package dev.weir.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lets no stranger in (Flink's CVE-2020-17518/17519 and its advice never to expose the REST port are the anchors).
 * Every request must name this server in its {@code Host} header (a loopback name, an IP address, this machine's
 * name or {@code rest.address}), which defeats DNS rebinding. Calls that change something (POST, PUT, PATCH,
 * DELETE) must also send a JSON content type (a cross-site form or {@code no-cors} fetch cannot), an {@code Origin}
 * of this server if any (a page elsewhere cannot), and, when a token is configured, {@code Authorization: Bearer}.
 */
final class RequestGuard {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private final Set<String> names = new HashSet<>();
    private final byte[] token;

    RequestGuard(RestSettings settings) {
        names.add("localhost");
        addName(settings.address());
        addName(settings.bindAddress());
        try {
            InetAddress self = InetAddress.getLocalHost();
            addName(self.getHostName());
            addName(self.getCanonicalHostName());
        } catch (UnknownHostException e) {
            // No name for this machine: loopback names, IP addresses and rest.address still work.
        }
        this.token = settings.authToken() == null ? null : settings.authToken().getBytes(StandardCharsets.UTF_8);
    }

    private void addName(String name) {
        if (name != null && !name.isBlank()) {
            names.add(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Refuses the request with {@link RestApi.Refused} unless it may be served. */
    void check(Context ctx) {
        String host = ctx.header("Host");
        if (host != null && !namesThisServer(hostName(host))) {
            throw new RestApi.Refused(403, "Host '" + host + "' does not name this Weir: use its address (localhost, an IP address "
                    + "or this machine's name), or start Weir with -D" + RestSettings.ADDRESS + "=<the name clients use>");
        }
        if (!isMutating(ctx.method())) {
            return;
        }
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new RestApi.Refused(415, ctx.method() + " " + ctx.path() + " needs Content-Type: application/json (was "
                    + (contentType == null ? "none" : "'" + contentType + "'") + ")");
        }
        String origin = ctx.header("Origin");
        if (origin != null && (host == null || !(origin.equalsIgnoreCase("http://" + host) || origin.equalsIgnoreCase("https://" + host)))) {
            throw new RestApi.Refused(403, "Origin '" + origin + "' is not this Weir (" + host + "): a page of another site cannot "
                    + "change jobs; use the dashboard served by this Weir, or `weir` on the command line");
        }
        if (token != null) {
            String authorization = ctx.header("Authorization");
            byte[] given = authorization != null && authorization.startsWith("Bearer ")
                    ? authorization.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8) : null;
            if (given == null || !MessageDigest.isEqual(given, token)) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw new RestApi.Refused(401, ctx.method() + " " + ctx.path() + " needs the REST token (" + RestSettings.AUTH_TOKEN
                        + ") as 'Authorization: Bearer <token>'" + (given == null ? "" : ": the token sent is wrong")
                        + "; `weir` takes it with --token, the dashboard from its start-up address (#token=...)");
            }
        }
    }

    private static boolean isMutating(HandlerType method) {
        return method == HandlerType.POST || method == HandlerType.PUT || method == HandlerType.PATCH || method == HandlerType.DELETE;
    }

    private boolean namesThisServer(String name) {
        return names.contains(name) || IPV4.matcher(name).matches() || name.startsWith("[");
    }

    /** The host of a Host header, without its port: {@code localhost:8081} → localhost, {@code [::1]:8081} → [::1]. */
    private static String hostName(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}

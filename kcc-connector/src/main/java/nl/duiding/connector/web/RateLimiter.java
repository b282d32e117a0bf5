package nl.duiding.connector.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import nl.duiding.connector.security.SidebarSessions;
import tools.jackson.databind.json.JsonMapper;

/**
 * Token buckets (Bucket4j) per client on the public endpoints, before anything else reads the request: a client over
 * its limit gets 429 with {@code Retry-After} — a problem detail for the JSON endpoints, the Dutch "Even geduld" page
 * for the sidebar page itself. Buckets live in a bounded Caffeine cache, so a flood of new addresses evicts old buckets
 * instead of filling the heap. Each instance counts for itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class RateLimiter extends OncePerRequestFilter {

    /** The sidebar renders the over-limit page from here; set only by this filter. */
    public static final String PAGE_RETRY_AFTER = RateLimiter.class.getName() + ".retryAfter";
    public static final String SLOW_DOWN_PAGE = "/sidebar/even-geduld";

    private enum Group { PAGE, SIDEBAR_API, WEBHOOK, NOTIFICATIONS }

    private final RateLimitSettings settings;
    private final SidebarSessions sessions;
    private final JsonMapper json;
    private final Cache<String, Bucket> buckets;

    RateLimiter(RateLimitSettings settings, SidebarSessions sessions, JsonMapper json) {
        this.settings = settings;
        this.sessions = sessions;
        this.json = json;
        this.buckets = Caffeine.newBuilder().maximumSize(settings.clients())
                .expireAfterAccess(settings.period().multipliedBy(2)).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !settings.enabled() || group(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Group group = group(request);
        String client;
        int limit;
        if (group == Group.SIDEBAR_API) {
            String session = session(request.getHeader(HttpHeaders.AUTHORIZATION));
            client = session != null ? "sessie:" + session : "adres:" + request.getRemoteAddr();
            limit = session != null ? settings.sidebarApi() : settings.unverified();
        } else {
            client = "adres:" + request.getRemoteAddr();
            limit = switch (group) {
                case PAGE -> settings.sidebarPage();
                case WEBHOOK -> settings.webhook();
                default -> settings.notifications();
            };
        }
        Bucket bucket = buckets.get(group + "|" + limit + "|" + client, key -> Bucket.builder()
                .addLimit(l -> l.capacity(limit).refillGreedy(limit, settings.period())).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long nanos = probe.getNanosToWaitForRefill();
        long seconds = Math.max(1, Duration.ofNanos(nanos).toSeconds() + (nanos % 1_000_000_000L == 0 ? 0 : 1));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        if (group == Group.PAGE) {
            request.setAttribute(PAGE_RETRY_AFTER, seconds);
            request.getRequestDispatcher(SLOW_DOWN_PAGE).forward(request, response);
            return;
        }
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "te-veel-verzoeken", "Te veel verzoeken",
                "In korte tijd kwamen te veel verzoeken. Probeer het over " + seconds + " seconde(n) opnieuw.");
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    private static Group group(HttpServletRequest request) {
        // The decoded, normalised path, as the handler mapping sees it (no ;parameters, no //, no ..).
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String method = request.getMethod();
        if (path.equals("/sidebar")) {
            return Group.PAGE;
        }
        if (path.startsWith("/sidebar/api/")) {
            return Group.SIDEBAR_API;
        }
        if ("POST".equals(method) && (path.equals("/api/v1/crm-events") || path.equals("/api/v1/crm-erasures"))) {
            return Group.WEBHOOK;
        }
        if ("POST".equals(method) && path.startsWith("/api/v1/notificaties/")) {
            return Group.NOTIFICATIONS;
        }
        return null;
    }

    /** A digest of a valid page token (each opened sidebar has its own), or null. */
    private String session(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String token = authorization.substring("Bearer ".length()).strip();
        if (sessions.verify(token).isEmpty()) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

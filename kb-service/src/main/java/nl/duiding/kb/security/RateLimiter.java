package nl.duiding.kb.security;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.duiding.kb.web.ProblemWriter;
import nl.duiding.kb.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Token buckets (Bucket4j) per client and endpoint group; a client over its limit gets 429 with {@code Retry-After}.
 * It sits in the security filter chains after authentication, so a signed-in client is counted by name wherever it
 * connects from, and before the form login, so password guessing is counted per address. Buckets live in a bounded
 * Caffeine cache: a flood of new addresses evicts old buckets instead of filling the heap. Each instance counts for
 * itself; with N instances behind a load balancer a client gets up to N times the limit.
 */
final class RateLimiter extends OncePerRequestFilter {

    private record Group(String name, RequestMatcher matcher, int perPeriod) {
    }

    private final List<Group> groups;
    private final RateLimitSettings settings;
    private final ProblemWriter problems;
    private final Cache<String, Bucket> buckets;

    RateLimiter(RateLimitSettings settings, ProblemWriter problems) {
        this.settings = settings;
        this.problems = problems;
        var paths = PathPatternRequestMatcher.withDefaults();
        this.groups = List.of(
                new Group("match", paths.matcher(HttpMethod.POST, "/api/v1/match"), settings.match()),
                new Group("suggest", paths.matcher(HttpMethod.GET, "/api/v1/suggest"), settings.suggest()),
                new Group("login", paths.matcher(HttpMethod.POST, "/redactie/inloggen"), settings.login()),
                // Each start of an identity-provider login makes a session and a redirect: counted like a login.
                new Group("login", paths.matcher(HttpMethod.GET, SecurityConfiguration.OIDC_START + "/*"),
                        settings.login()),
                new Group("documents", paths.matcher(HttpMethod.GET, "/api/v1/openapi.json/**"), settings.documents()),
                new Group("documents", paths.matcher(HttpMethod.GET, "/api/v1/openapi.json.yaml/**"),
                        settings.documents()),
                new Group("documents", paths.matcher(HttpMethod.GET, "/api/v1/jsonld/**"), settings.documents()));
        this.buckets = Caffeine.newBuilder().maximumSize(settings.clients())
                .expireAfterAccess(settings.period().multipliedBy(2)).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !settings.enabled();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Group group = groups.stream().filter(g -> g.matcher().matches(request)).findFirst().orElse(null);
        if (group == null) {
            chain.doFilter(request, response);
            return;
        }
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken);
        String client = signedIn ? "user:" + user.getName() : "address:" + request.getRemoteAddr();
        int limit = signedIn && CurrentUser.of(user).has(Role.CONNECTOR)
                ? group.perPeriod() * settings.connectorFactor() : group.perPeriod();
        Bucket bucket = buckets.get(group.name() + "|" + client, key -> Bucket.builder()
                .addLimit(l -> l.capacity(limit).refillGreedy(limit, settings.period())).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()
                + (probe.getNanosToWaitForRefill() % 1_000_000_000L == 0 ? 0 : 1));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(request, response, tooMany(seconds));
    }

    static ProblemDetail tooMany(long seconds) {
        return Problems.of(HttpStatus.TOO_MANY_REQUESTS, "te-veel-verzoeken", "Te veel verzoeken",
                "U heeft in korte tijd te veel verzoeken gedaan. Probeer het over " + seconds + " seconde(n) opnieuw.");
    }
}

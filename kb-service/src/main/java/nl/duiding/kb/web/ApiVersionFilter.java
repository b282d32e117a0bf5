package nl.duiding.kb.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Adds {@code API-Version} to every response, errors and 401s included, as the NL GOV API Design Rules ask; so it
 * runs before everything else, Spring Security too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiVersionFilter extends OncePerRequestFilter {

    static final String HEADER = "API-Version";

    private final String version;

    ApiVersionFilter(ApiSettings settings) {
        this.version = settings.version();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HEADER, version);
        chain.doFilter(request, response);
    }
}

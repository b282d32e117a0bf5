package nl.duiding.connector.sidebar;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

import nl.duiding.connector.tenant.Tenants;

/**
 * Security headers of the sidebar's pages: only our own scripts and styles, and {@code frame-ancestors} limited to
 * the CRM origins configured for the tenant, so no other site can frame the sidebar (clickjacking).
 */
@Component
class PageHeaders {

    private final Tenants tenants;

    PageHeaders(Tenants tenants) {
        this.tenants = tenants;
    }

    /** Headers for a page of this tenant, or of any configured tenant when it is not known (a refused link). */
    void apply(HttpServletResponse response, String tenant) {
        Set<String> ancestors = new LinkedHashSet<>();
        ancestors.add("'self'");
        if (tenant != null && tenants.find(tenant).isPresent()) {
            ancestors.addAll(valid(tenants.find(tenant).get().crmOrigins()));
        } else {
            tenants.all().values().forEach(t -> ancestors.addAll(valid(t.crmOrigins())));
        }
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors " + String.join(" ", ancestors));
        // The launch link is in the URL; never pass it on to another site.
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
    }

    /** An origin is scheme://host[:port] only: anything else could widen or break the policy. */
    private static List<String> valid(List<String> origins) {
        return origins.stream().filter(o -> o.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?")).toList();
    }
}

package nl.duiding.connector.tenant;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/** The configured municipalities, by gemeentecode. */
@Component
public class Tenants {

    private static final Pattern CODE = Pattern.compile("GM\\d{4}");

    private final Map<String, TenantProperties.Tenant> byCode;

    public Tenants(TenantProperties properties) {
        this.byCode = new TreeMap<>(properties.tenants());
        byCode.keySet().forEach(code -> {
            if (!CODE.matcher(code).matches()) {
                throw new IllegalStateException("duiding.tenants." + code + ": a tenant is a gemeentecode like GM0363");
            }
        });
    }

    public Optional<TenantProperties.Tenant> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    public Map<String, TenantProperties.Tenant> all() {
        return byCode;
    }
}

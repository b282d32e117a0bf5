package nl.duiding.connector;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages (sidebar, kb, cache, klantinteracties, webhook, tenant, security, web) depend on each other
 * without cycles and only through what they make public; the module diagram is written to
 * target/spring-modulith-docs.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(KccConnectorApplication.class);

    @Test
    void featurePackagesHaveNoCycles() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagram() {
        new Documenter(modules).writeModulesAsPlantUml();
    }
}

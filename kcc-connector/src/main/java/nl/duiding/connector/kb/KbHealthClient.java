package nl.duiding.connector.kb;

import java.util.Map;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;

/** kb-service's health endpoint, the one call the connector makes that is not part of /api/v1. */
@FeignClient(name = "kb-service-health", url = "${duiding.kb.url}", contextId = "kbHealth")
interface KbHealthClient {

    @GetMapping("/actuator/health")
    Map<String, Object> health();
}

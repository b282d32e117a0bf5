package nl.duiding.connector;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import nl.duiding.connector.kb.FeignSettings;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableFeignClients(defaultConfiguration = FeignSettings.Defaults.class)
@EnableScheduling
public class KccConnectorApplication {

    public static void main(String[] args) {
        SpringApplication.run(KccConnectorApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

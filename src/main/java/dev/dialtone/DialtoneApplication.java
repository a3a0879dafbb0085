package dev.dialtone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DialtoneApplication {
    public static void main(String[] args) {
        SpringApplication.run(DialtoneApplication.class, args);
    }
}

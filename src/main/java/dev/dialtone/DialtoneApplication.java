package dev.dialtone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DialtoneApplication {

    private static final String AOT = "spring.aot.enabled";

    public static void main(String[] args) {
        boolean packaged =
                "jar"
                        .equals(
                                DialtoneApplication.class
                                        .getResource("DialtoneApplication.class")
                                        .getProtocol());
        boolean generated =
                DialtoneApplication.class.getResource(
                                "DialtoneApplication__ApplicationContextInitializer.class")
                        != null;
        if (usesAot(System.getProperty(AOT), packaged, generated)) {
            System.setProperty(AOT, "true");
        }
        SpringApplication.run(DialtoneApplication.class, args);
    }

    /**
     * The packaged jar starts from the bean wiring its build generated ahead of time, which spares
     * it the reflection that costs about a second of every start (bench/RESULTS.md). A run from
     * compiled classes ({@code spring-boot:run}, an IDE, the tests) never does: classes left by an
     * earlier package could be stale there. {@code -Dspring.aot.enabled} decides where it is given.
     */
    static boolean usesAot(String setting, boolean packaged, boolean generated) {
        if (setting != null) {
            return Boolean.parseBoolean(setting);
        }
        return packaged && generated;
    }
}

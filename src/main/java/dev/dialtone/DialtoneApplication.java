package dev.dialtone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DialtoneApplication {
    public static void main(String[] args) {
        SpringApplication.run(DialtoneApplication.class, args);
    }
}
